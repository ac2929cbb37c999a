namespace NexusZero.Compression;

/// <summary>
/// The LZ4 frame codec (magic 0x184D2204), readable and writable by the reference <c>lz4</c> tool.
/// Compression is deterministic: the same options and input always give the same bytes. Decoding is
/// bounded by a caller-set output limit and rejects malformed input with a <see cref="FormatException"/>.
/// </summary>
/// <remarks>Format and strictness rules: docs/formats.md, "Compression".</remarks>
public sealed class Lz4Codec : ICompressionCodec
{
    /// <summary>The output limit of the overloads without one: 64 MiB, ample for proofs.</summary>
    public const int DefaultMaxOutputLength = 64 * 1024 * 1024;

    /// <summary>Creates a codec that writes frames with these options.</summary>
    /// <param name="options">The frame options; null means <see cref="Lz4FrameOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options name an undefined level or block size.</exception>
    public Lz4Codec(Lz4FrameOptions? options = null)
    {
        Options = options ?? Lz4FrameOptions.Default;
        _ = Options.BlockMaxBytes;
        if (!Enum.IsDefined(Options.Level))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Level, "Unknown LZ4 compression level.");
        }
    }

    /// <summary>The fast codec with default options.</summary>
    public static Lz4Codec Fast { get; } = new(Lz4FrameOptions.Default);

    /// <summary>The high-compression codec with otherwise default options.</summary>
    public static Lz4Codec High { get; } = new(Lz4FrameOptions.High);

    /// <summary>The options frames are written with, and that strict decoding demands.</summary>
    public Lz4FrameOptions Options { get; }

    /// <inheritdoc />
    public CompressionCodecId Id => Options.Level == Lz4CompressionLevel.High ? CompressionCodecId.Lz4High : CompressionCodecId.Lz4;

    /// <inheritdoc />
    public string Name => Options.Level == Lz4CompressionLevel.High ? "lz4-high" : "lz4";

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">Negative, or too large for a one-shot frame.</exception>
    public int GetMaxCompressedLength(int inputLength) => Lz4FrameEncoder.MaxFrameLength(inputLength, Options);

    /// <inheritdoc />
    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten) =>
        Lz4FrameEncoder.TryEncode(source, destination, Options, out bytesWritten);

    /// <summary>Compresses into a new array holding exactly one frame.</summary>
    public byte[] Compress(ReadOnlySpan<byte> source)
    {
        var buffer = new byte[GetMaxCompressedLength(source.Length)];
        if (!TryCompress(source, buffer, out var written))
        {
            throw new InvalidOperationException("LZ4 frame exceeded its computed bound.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>
    /// Decodes frames into <paramref name="destination"/>, whose length is the output limit.
    /// Concatenated frames are decoded in order; skippable frames are skipped (unless strict).
    /// </summary>
    /// <param name="source">One or more frames.</param>
    /// <param name="destination">Receives the content.</param>
    /// <param name="bytesWritten">The content length.</param>
    /// <param name="strict">Accept only a single frame whose descriptor is exactly what <see cref="Options"/> writes.</param>
    /// <returns>False when the content does not fit in <paramref name="destination"/>.</returns>
    /// <exception cref="FormatException">The input is malformed; the message names the defect.</exception>
    public bool TryDecompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten, bool strict = false) =>
        Lz4FrameDecoder.TryDecode(source, destination, strict ? Options : null, out bytesWritten);

    /// <inheritdoc />
    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength) => Decompress(source, maxOutputLength, strict: false);

    /// <summary>Decompresses with <see cref="DefaultMaxOutputLength"/> as the limit.</summary>
    /// <exception cref="FormatException">The input is malformed or its content exceeds the limit.</exception>
    public byte[] Decompress(ReadOnlySpan<byte> source) => Decompress(source, DefaultMaxOutputLength, strict: false);

    /// <summary>
    /// Decompresses at most <paramref name="maxOutputLength"/> bytes. With <paramref name="strict"/>,
    /// the input must be exactly one frame whose FLG and BD bytes equal those <see cref="Options"/>
    /// write, with no skippable frames or trailing bytes: the form a proof envelope accepts.
    /// </summary>
    /// <exception cref="FormatException">The input is malformed, not in the strict form, or exceeds the limit.</exception>
    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength, bool strict) =>
        Lz4FrameDecoder.Decode(source, maxOutputLength, strict ? Options : null);
}
