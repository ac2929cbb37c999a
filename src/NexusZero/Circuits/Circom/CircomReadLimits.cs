namespace NexusZero.Circuits.Circom;

/// <summary>
/// Upper bounds a circom file must respect before anything is allocated for it. Every count is also
/// checked against the bytes actually present, so these limits cap honest but huge files; a hostile
/// count never gets past the byte check.
/// </summary>
public sealed record CircomReadLimits
{
    /// <summary>The defaults: 1 GiB files, 2^24 wires, 2^24 constraints.</summary>
    public static CircomReadLimits Default { get; } = new();

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 1L << 30;

    /// <summary>The most wires (.r1cs) or witness values (.wtns) accepted, the constant one included.</summary>
    public int MaxWires { get; init; } = 1 << 24;

    /// <summary>The most constraints accepted.</summary>
    public int MaxConstraints { get; init; } = 1 << 24;
}
