namespace NexusZero.Groups.Bn254;

/// <summary>
/// Σ kᵢ·Pᵢ by Pippenger's bucket method: the scalars are cut into c-bit windows; per window each point is
/// added to the bucket of its digit and the buckets are summed by a running sum; windows run in parallel
/// and are combined by c doublings each. Cost about (256/c)·(n + 2^c) additions.
/// <para>
/// <b>Variable time in the scalars.</b> Which bucket a point goes to depends on the scalar's digits, so
/// memory access and zero-digit skips leak through timing and cache. Every practical Groth16 prover
/// (snarkjs, arkworks, gnark) does the same, since a constant-time MSM costs a factor 2^c more; the
/// prover's witness-dependent MSMs are therefore not constant time (docs/security.md, "Groth16").
/// </para>
/// </summary>
internal static class Pippenger
{
    /// <summary>Σ scalars[i]·points[i].</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static ProjectivePoint<TField, TCurve> Multiply<TField, TCurve>(ReadOnlySpan<Fr> scalars, ReadOnlySpan<ProjectivePoint<TField, TCurve>> points)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        if (scalars.Length != points.Length)
        {
            throw new ArgumentException($"{scalars.Length} scalars for {points.Length} points.", nameof(scalars));
        }

        var count = scalars.Length;
        if (count == 0)
        {
            return ProjectivePoint<TField, TCurve>.Identity;
        }

        var limbs = new Limbs256[count];
        for (var i = 0; i < count; i++)
        {
            limbs[i] = scalars[i].ToCanonical();
        }

        var pointArray = points.ToArray();
        var c = WindowBits(count);
        var windows = (254 + c - 1) / c;
        var sums = new ProjectivePoint<TField, TCurve>[windows];
        Parallel.For(0, windows, w => sums[w] = Window(limbs, pointArray, w * c, c));

        var result = sums[windows - 1];
        for (var w = windows - 2; w >= 0; w--)
        {
            for (var i = 0; i < c; i++)
            {
                result = result.Double();
            }

            result += sums[w];
        }

        return result;
    }

    /// <summary>The window width minimising (256/c)·(n + 2^c), roughly ln n.</summary>
    internal static int WindowBits(int count) => count < 32 ? 3 : Math.Min(16, (int)Math.Log(count) + 2);

    private static ProjectivePoint<TField, TCurve> Window<TField, TCurve>(Limbs256[] scalars, ProjectivePoint<TField, TCurve>[] points, int shift, int c)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        var buckets = new ProjectivePoint<TField, TCurve>[(1 << c) - 1];
        Array.Fill(buckets, ProjectivePoint<TField, TCurve>.Identity);
        for (var i = 0; i < scalars.Length; i++)
        {
            var digit = Digit(scalars[i], shift, c);
            if (digit != 0)
            {
                buckets[digit - 1] += points[i];
            }
        }

        // Σ d·bucket[d] = Σ over d of (bucket[top] + … + bucket[d]).
        var running = ProjectivePoint<TField, TCurve>.Identity;
        var sum = ProjectivePoint<TField, TCurve>.Identity;
        for (var d = buckets.Length - 1; d >= 0; d--)
        {
            running += buckets[d];
            sum += running;
        }

        return sum;
    }

    private static int Digit(in Limbs256 scalar, int shift, int c)
    {
        var limb = shift >> 6;
        var offset = shift & 63;
        var value = scalar[limb] >> offset;
        if (offset + c > 64 && limb < 3)
        {
            value |= scalar[limb + 1] << (64 - offset);
        }

        return (int)(value & ((1UL << c) - 1));
    }
}
