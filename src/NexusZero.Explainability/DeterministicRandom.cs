namespace NexusZero.Explainability;

/// <summary>
/// Per-row random streams: row r of a run with seed s gets a System.Random seeded from SplitMix64(s, r), so rows never
/// share a generator and parallel runs give the same bits as sequential ones. Not cryptographic, and need not be.
/// </summary>
internal static class DeterministicRandom
{
    public static Random ForRow(int seed, int row, ulong stream = 0)
    {
        ulong z = ((ulong)(uint)seed << 32) ^ (uint)row ^ (stream * 0xD1B54A32D192ED03UL);
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return new Random((int)(z & 0x7FFFFFFF));
    }

    /// <summary>A standard normal draw (Box–Muller), consuming two uniforms.</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
