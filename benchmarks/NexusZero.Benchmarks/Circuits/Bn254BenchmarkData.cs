using NexusZero.Groups.Bn254;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>Random inputs for the BN254 benchmarks, made cheaply enough for 2^20 points.</summary>
internal static class Bn254BenchmarkData
{
    /// <summary><paramref name="count"/> random scalars below 2^253.</summary>
    public static Fr[] Scalars(Random random, int count)
    {
        var scalars = new Fr[count];
        var bytes = new byte[32];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            bytes[0] &= 0x1F;
            scalars[i] = Fr.FromBigEndianReduced(bytes);
        }

        return scalars;
    }

    /// <summary>
    /// <paramref name="count"/> distinct points: two random multiples P and S of the generator, then P + i·S.
    /// One addition per point instead of one scalar multiplication, so that setting up 2^20 points takes
    /// seconds, not hours; Pippenger does not care how the points are related, only the scalars matter.
    /// </summary>
    public static ProjectivePoint<TField, TCurve>[] Points<TField, TCurve>(Random random, ProjectivePoint<TField, TCurve> generator, int count)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        var seeds = Scalars(random, 2);
        var step = generator.Multiply(seeds[1]);
        var points = new ProjectivePoint<TField, TCurve>[count];
        var current = generator.Multiply(seeds[0]);
        for (var i = 0; i < count; i++)
        {
            points[i] = current;
            current = current.Add(step);
        }

        return points;
    }
}
