namespace NexusZero.Proofs;

/// <summary>
/// Upper bounds a <see cref="ProofEnvelope"/> parser enforces before allocating anything. The defaults
/// fit every proof NexusZero produces with room to spare while keeping a hostile file from making a
/// verifier allocate more than a few MiB.
/// </summary>
public sealed record EnvelopeLimits
{
    /// <summary>The default limits: statement 1 MiB, context 64 KiB, stored payload 4 MiB, decompressed payload 8 MiB.</summary>
    public static EnvelopeLimits Default { get; } = new();

    /// <summary>Largest accepted statement encoding in bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxStatementLength
    {
        get;
        init => field = NonNegative(value);
    } = 1 << 20;

    /// <summary>Largest accepted context in bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxContextLength
    {
        get;
        init => field = NonNegative(value);
    } = 64 << 10;

    /// <summary>Largest accepted proof payload as stored (possibly compressed) in bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxPayloadLength
    {
        get;
        init => field = NonNegative(value);
    } = 4 << 20;

    /// <summary>Largest accepted uncompressed proof payload in bytes; decompression is bounded by it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxDecompressedPayloadLength
    {
        get;
        init => field = NonNegative(value);
    } = 8 << 20;

    private static int NonNegative(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }
}
