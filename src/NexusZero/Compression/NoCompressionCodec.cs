namespace NexusZero.Compression;

/// <summary>The identity codec: output equals input.</summary>
public sealed class NoCompressionCodec : ICompressionCodec
{
    /// <summary>The shared instance.</summary>
    public static NoCompressionCodec Instance { get; } = new();

    private NoCompressionCodec()
    {
    }

    /// <inheritdoc />
    public CompressionCodecId Id => CompressionCodecId.None;

    /// <inheritdoc />
    public string Name => "none";

    /// <inheritdoc />
    public int GetMaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return inputLength;
    }

    /// <inheritdoc />
    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        if (!source.TryCopyTo(destination))
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = source.Length;
        return true;
    }

    /// <inheritdoc />
    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength)
    {
        if (source.Length > maxOutputLength)
        {
            throw new FormatException($"Stored payload is {source.Length} bytes, over the limit of {maxOutputLength} bytes.");
        }

        return source.ToArray();
    }
}
