using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// Σ kᵢ·Pᵢ by Pippenger's bucket method with signed digits: the scalars are recoded into c-bit digits in
/// (−2^(c−1), 2^(c−1)], so each window needs only 2^(c−1) buckets (a negative digit adds the negated point);
/// the points are made affine once by one batched inversion; the buckets are affine and filled in batches
/// sharing one inversion (<see cref="BatchAffineWindow{TField, TCurve}"/>) for large inputs, Jacobian with
/// mixed additions (7M + 4S) for small ones; per window the buckets are summed by a running sum; windows run in
/// parallel and are combined by c doublings each. Cost about (255/c)·(n + 2^c) additions. Sums of 2^10 points
/// or more (G1 and G2) first split each scalar by the curve's endomorphism (<see cref="Bn254Endomorphism"/>): 2n points with
/// 128-bit scalars, about (128/c)·(2n + 2^c) additions, and half the bucket sums.
/// <para>
/// <b>Variable time in the scalars.</b> Which bucket a point goes to depends on the scalar's digits, so
/// memory access, zero-digit skips and the incomplete Jacobian formulas' special cases leak through timing
/// and cache. Every practical Groth16 prover (snarkjs, arkworks, gnark) does the same, since a constant-time
/// MSM costs a factor 2^c more; the prover's witness-dependent MSMs are therefore not constant time
/// (docs/security.md, "Groth16").
/// </para>
/// </summary>
internal static class Pippenger
{
    /// <summary>Σ scalars[i]·points[i].</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static ProjectivePoint<TField, TCurve> Multiply<TField, TCurve>(ReadOnlySpan<Fr> scalars, ReadOnlySpan<ProjectivePoint<TField, TCurve>> points)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField> => Multiply(scalars, points, batchAffine: null);

    /// <summary>
    /// Σ scalars[i]·points[i], the bucket strategy forced when <paramref name="batchAffine"/> is set (tests
    /// run both on small inputs), else chosen by <see cref="UsesBatchAffine"/>.
    /// </summary>
    internal static ProjectivePoint<TField, TCurve> Multiply<TField, TCurve>(ReadOnlySpan<Fr> scalars, ReadOnlySpan<ProjectivePoint<TField, TCurve>> points, bool? batchAffine)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        var glv = UsesEndomorphism<TField>(scalars.Length);
        return Multiply(scalars, points, batchAffine, glv ? EndomorphismWindowBits(scalars.Length) : WindowBits(scalars.Length), batchSize: null, glv);
    }

    /// <summary>
    /// Σ scalars[i]·points[i] with the window width, batch size and use of G1's endomorphism given: for tests and
    /// tuning. With <paramref name="glv"/> each scalar is split as k1 + k2·λ (<see cref="Bn254Endomorphism"/>)
    /// and the sum runs over the points and their images φ(P) with half-length scalars, in half the windows.
    /// </summary>
    internal static ProjectivePoint<TField, TCurve> Multiply<TField, TCurve>(ReadOnlySpan<Fr> scalars, ReadOnlySpan<ProjectivePoint<TField, TCurve>> points, bool? batchAffine, int c, int? batchSize, bool glv)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(c, 2);
        if (scalars.Length != points.Length)
        {
            throw new ArgumentException($"{scalars.Length} scalars for {points.Length} points.", nameof(scalars));
        }

        var count = scalars.Length;
        if (count == 0)
        {
            return ProjectivePoint<TField, TCurve>.Identity;
        }

        // Columns: point i, and with the split φ(point i) at count + i.
        var total = glv ? 2 * count : count;
        var windows = WindowCount(c, glv ? EndomorphismScalarBits : ScalarBits);
        var digits = glv ? EndomorphismDigits(scalars, c, windows) : SignedDigits(scalars, c, windows);
        var xs = new TField[total];
        var ys = new TField[total];
        ToAffine(points, xs, ys, digits, windows, total);
        if (glv)
        {
            Images(xs, ys, count);
        }

        var sums = new JacobianPoint<TField, TCurve>[windows];
        var affineBuckets = batchAffine ?? UsesBatchAffine(c);
        Parallel.For(0, windows, w => sums[w] = affineBuckets
            ? new BatchAffineWindow<TField, TCurve>(1 << (c - 1), batchSize ?? BatchSize(c)).Sum(digits.AsSpan(w * total, total), xs, ys)
            : Window<TField, TCurve>(digits.AsSpan(w * total, total), xs, ys, c));
        Array.Clear(digits);

        var result = sums[windows - 1];
        for (var w = windows - 2; w >= 0; w--)
        {
            for (var i = 0; i < c; i++)
            {
                result = result.Double();
            }

            result = result.Add(sums[w]);
        }

        return result.ToProjective();
    }

    /// <summary>The widest window: its digits, up to 2^(c−1), must fit the recoding's 16-bit storage.</summary>
    internal const int MaxWindowBits = 15;

    /// <summary>
    /// The window width. Where that reaches the affine buckets' 10 bits (from about 1,100 points): ln n + 3, the fastest
    /// of ln n + 1 … ln n + 4 measured at 2^12, 2^15 and 2^16 points. Below, where the buckets are Jacobian: the c minimising windows·(11·n + 16·2^c), since a
    /// point costs one mixed addition (about 11 multiplications) per window and each of the 2^(c−1) buckets two
    /// general ones (about 16 each) in the running sum.
    /// </summary>
    internal static int WindowBits(int count)
    {
        var large = count < 2 ? 0 : (int)Math.Log(count) + 3;
        if (UsesBatchAffine(large))
        {
            return Math.Min(MaxWindowBits, large);
        }

        var best = 2;
        var bestCost = long.MaxValue;
        for (var c = 2; c <= 10; c++)
        {
            var cost = WindowCount(c) * ((11L * count) + (16L << c));
            if (cost < bestCost)
            {
                (best, bestCost) = (c, cost);
            }
        }

        return best;
    }

    /// <summary>
    /// The window width with the endomorphism split, for n scalars (2n columns of 128-bit halves): ln 2n + 2, the
    /// fastest of ln 2n + 1 … ln 2n + 4 measured at 2^10, 2^12 and 2^16 scalars (docs/benchmarks.md).
    /// </summary>
    internal static int EndomorphismWindowBits(int count) => Math.Min(MaxWindowBits, (int)Math.Log(2.0 * count) + 2);

    /// <summary>
    /// Affine buckets pay once the batches are long enough to share an inversion widely: measured on the CI
    /// machine, 2^12 points 46 vs 50 ms, 2^15 214 vs 261 ms, 2^16 403 vs 510 ms (G1, Jacobian buckets second).
    /// </summary>
    internal static bool UsesBatchAffine(int c) => c >= 10;

    /// <summary>Additions per shared inversion: 2^(c−4) (a sixteenth of the buckets collide rarely), 16 to 1024; the best of the sizes tried.</summary>
    internal static int BatchSize(int c) => Math.Clamp(1 << (c - 4), 16, 1024);

    /// <summary>Windows of c bits with signed digits cover any scalar below 2^254 when c·windows ≥ 255.</summary>
    internal static int WindowCount(int c) => WindowCount(c, ScalarBits);

    /// <summary>Windows of c bits with signed digits for magnitudes below 2^(bits − 1): c·windows ≥ bits.</summary>
    internal static int WindowCount(int c, int bits) => (bits + c - 1) / c;

    /// <summary>Scalars are below 2^254, and the signed recoding needs one bit more.</summary>
    private const int ScalarBits = 255;

    /// <summary>The endomorphism's halves are below 2^127 in magnitude, and the signed recoding needs one bit more.</summary>
    internal const int EndomorphismScalarBits = 128;

    /// <summary>
    /// Sums of at least 2^10 points (G1 and G2) split their scalars by the endomorphism (the affine-bucket sizes, where
    /// halving the windows outweighs doubling the points; measured in docs/benchmarks.md).
    /// </summary>
    internal static bool UsesEndomorphism<TField>(int count) => count >= 1 << 10;

    /// <summary>
    /// φ of the first <paramref name="count"/> affine points into the next count: (β·x, y) on G1, (β²·x, y) on G2, so
    /// that φ(P) = λ·P on both (<see cref="Bn254Endomorphism"/>).
    /// </summary>
    private static void Images<TField>(TField[] xs, TField[] ys, int count)
        where TField : struct, IBn254Field<TField>
    {
        for (var i = 0; i < count; i++)
        {
            ys[count + i] = ys[i];
            if (typeof(TField) == typeof(Fp))
            {
                Unsafe.As<TField, Fp>(ref xs[count + i]) = Unsafe.As<TField, Fp>(ref xs[i]) * Bn254Endomorphism.Beta;
            }
            else
            {
                Unsafe.As<TField, Fp2>(ref xs[count + i]) = Unsafe.As<TField, Fp2>(ref xs[i]).MultiplyBy(Bn254Endomorphism.BetaSquared);
            }
        }
    }

    /// <summary>
    /// digits[w·2n + i] and digits[w·2n + n + i]: the w-th signed digits of k1 and k2 for scalar i = k1 + k2·λ, a
    /// negative half's digits negated (so its point need not be).
    /// </summary>
    internal static short[] EndomorphismDigits(ReadOnlySpan<Fr> scalars, int c, int windows)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, MaxWindowBits);
        var count = scalars.Length;
        var digits = new short[2 * count * windows];
        for (var i = 0; i < count; i++)
        {
            var k = scalars[i].ToCanonical();
            Bn254Endomorphism.Decompose(k, out var k1, out var negative1, out var k2, out var negative2);
            Recode(new Limbs256((ulong)k1, (ulong)(k1 >> 64), 0, 0), digits, i, 2 * count, c, windows, -(int)((ulong)negative1 & 1));
            Recode(new Limbs256((ulong)k2, (ulong)(k2 >> 64), 0, 0), digits, count + i, 2 * count, c, windows, -(int)((ulong)negative2 & 1));
            k = default;
            k1 = k2 = 0;
        }

        return digits;
    }

    /// <summary>
    /// digits[w·n + i] = the w-th signed digit of scalar i: d in (−2^(c−1), 2^(c−1)] with Σ d·2^(c·w) = k.
    /// A raw digit above 2^(c−1) becomes d − 2^c and carries one into the next window; the top window
    /// never carries out because k &lt; r &lt; 2^254 ≤ 2^(c·windows − 1).
    /// </summary>
    internal static short[] SignedDigits(ReadOnlySpan<Fr> scalars, int c, int windows)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, MaxWindowBits);
        var count = scalars.Length;
        var digits = new short[count * windows];
        for (var i = 0; i < count; i++)
        {
            var k = scalars[i].ToCanonical();
            Recode(k, digits, i, count, c, windows);
            k = default;
        }

        return digits;
    }

    /// <summary>The same recoding of canonical integers below 2^254 (the GPU backend recodes ristretto255 scalars with it).</summary>
    internal static short[] SignedDigits(ReadOnlySpan<Limbs256> canonical, int c, int windows)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, MaxWindowBits);
        var count = canonical.Length;
        var digits = new short[count * windows];
        for (var i = 0; i < count; i++)
        {
            Recode(canonical[i], digits, i, count, c, windows);
        }

        return digits;
    }

    /// <summary>Digits of k into column i of <paramref name="stride"/> columns, all negated when <paramref name="negate"/> is −1 (0: as they are).</summary>
    private static void Recode(in Limbs256 k, short[] digits, int i, int stride, int c, int windows, int negate = 0)
    {
        var half = 1 << (c - 1);
        var full = 1 << c;
        var carry = 0;
        for (var w = 0; w < windows; w++)
        {
            var d = Digit(k, w * c, c) + carry;
            carry = d > half ? 1 : 0;
            digits[(w * stride) + i] = (short)(((d - (carry * full)) ^ negate) - negate);
        }
    }

    /// <summary>
    /// Affine coordinates of every point by Montgomery's batch inversion (one inversion, 3 multiplications a
    /// point); an identity point gets zero digits so no window ever adds it.
    /// </summary>
    private static void ToAffine<TField, TCurve>(ReadOnlySpan<ProjectivePoint<TField, TCurve>> points, TField[] xs, TField[] ys, short[] digits, int windows, int stride)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        var count = points.Length;

        // xs holds the prefix products of the non-zero Z coordinates until the backward pass overwrites it.
        var product = TField.One;
        for (var i = 0; i < count; i++)
        {
            xs[i] = product;
            if (!points[i].IsIdentity)
            {
                product *= points[i].Z;
            }
        }

        var inverse = product.Invert();
        for (var i = count - 1; i >= 0; i--)
        {
            var point = points[i];
            if (point.IsIdentity)
            {
                for (var w = 0; w < windows; w++)
                {
                    digits[(w * stride) + i] = 0;
                    if (stride != count)
                    {
                        digits[(w * stride) + count + i] = 0;
                    }
                }

                continue;
            }

            var zInverse = inverse * xs[i];
            inverse *= point.Z;
            xs[i] = point.X * zInverse;
            ys[i] = point.Y * zInverse;
        }
    }

    private static JacobianPoint<TField, TCurve> Window<TField, TCurve>(ReadOnlySpan<short> digits, TField[] xs, TField[] ys, int c)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        var buckets = new JacobianPoint<TField, TCurve>[1 << (c - 1)];
        Array.Fill(buckets, JacobianPoint<TField, TCurve>.Identity);
        for (var i = 0; i < digits.Length; i++)
        {
            int digit = digits[i];
            if (digit > 0)
            {
                buckets[digit - 1] = buckets[digit - 1].AddAffine(xs[i], ys[i]);
            }
            else if (digit < 0)
            {
                buckets[-digit - 1] = buckets[-digit - 1].AddAffine(xs[i], -ys[i]);
            }
        }

        // Σ d·bucket[d] = Σ over d of (bucket[top] + … + bucket[d]).
        var running = JacobianPoint<TField, TCurve>.Identity;
        var sum = JacobianPoint<TField, TCurve>.Identity;
        for (var d = buckets.Length - 1; d >= 0; d--)
        {
            running = running.Add(buckets[d]);
            sum = sum.Add(running);
        }

        return sum;
    }

    private static int Digit(in Limbs256 scalar, int shift, int c)
    {
        var limb = shift >> 6;
        if (limb > 3)
        {
            return 0;
        }

        var offset = shift & 63;
        var value = scalar[limb] >> offset;
        if (offset + c > 64 && limb < 3)
        {
            value |= scalar[limb + 1] << (64 - offset);
        }

        return (int)(value & ((1UL << c) - 1));
    }
}
