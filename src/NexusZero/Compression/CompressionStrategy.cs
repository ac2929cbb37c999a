namespace NexusZero.Compression;

/// <summary>Which codecs <see cref="CompressionManager.ForStrategy"/> tries on a proof payload.</summary>
/// <remarks>
/// The envelope records the codec id (<see cref="Lz4High"/> writes <see cref="CompressionCodecId.Lz4High"/>),
/// and a verifier re-compresses with the built-in codec of that id to check the encoding is canonical, so
/// envelopes verify whatever strategy the verifier itself uses.
/// </remarks>
public enum CompressionStrategy
{
    /// <summary>Store payloads raw.</summary>
    None = 0,

    /// <summary>The fast LZ4 frame codec (<see cref="Lz4Codec.Fast"/>).</summary>
    Lz4 = 1,

    /// <summary>The high-compression LZ4 frame codec (<see cref="Lz4Codec.High"/>).</summary>
    Lz4High = 2,

    /// <summary>Brotli at a fixed quality and window (<see cref="BrotliCodec"/>).</summary>
    Brotli = 3,

    /// <summary>
    /// Fast LZ4, then Brotli while the time budget lasts; the smallest output wins, and the payload stays
    /// raw unless it shrinks by at least <see cref="CompressionManager.AutoMinimumGain"/>.
    /// </summary>
    Auto = 4,
}
