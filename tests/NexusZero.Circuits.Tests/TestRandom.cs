using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests;

/// <summary>Seeded randomness, so a failing case can be replayed.</summary>
internal static class TestRandom
{
    public static Random Create(int seed = 14) => new(seed);

    /// <summary>A uniformly random 253-bit value, always canonical.</summary>
    public static FieldElement Element(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        bytes[0] &= 0x1f;
        return FieldElement.FromBigEndian(bytes);
    }

    /// <summary>A random integer in [0, 2^bits) for bits ≤ 62.</summary>
    public static long Bits(Random random, int bits) => random.NextInt64(1L << bits);
}
