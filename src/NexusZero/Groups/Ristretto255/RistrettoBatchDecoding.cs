using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// DECODE of RFC 9496 §4.3.1 for many encodings at once, with exactly the checks of
/// <see cref="RistrettoEncoding.TryDecode"/>. The cost of one decoding is an inverse square root, a
/// chain of about 254 squarings; here <see cref="Lanes"/> encodings share one chain of four-lane
/// vector squarings (<see cref="FieldElement4"/>), which on this project's machine costs about as much
/// as one scalar chain. The few operations around the exponentiation stay scalar.
/// </summary>
/// <remarks>
/// Internal fast API. Constant time in the encodings, like the single decoder. Without AVX2 the lanes
/// run the scalar chain one after another (interleaving them on scalars was measured: no gain, the
/// scalar squaring is bound by multiplier throughput, not latency).
/// </remarks>
[SkipLocalsInit]
internal static class RistrettoBatchDecoding
{
    /// <summary>Encodings decoded side by side.</summary>
    internal const int Lanes = 4;

    /// <summary>
    /// Decodes <paramref name="encodings"/>, a concatenation of 32-byte encodings, into
    /// <paramref name="points"/>; <paramref name="decoded"/>[i] says whether encoding i is canonical
    /// (when not, points[i] is the identity, as with the single decoder).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    internal static void Decode(ReadOnlySpan<byte> encodings, Span<EdwardsPoint> points, Span<bool> decoded)
    {
        int count = points.Length;
        if (encodings.Length != count * RistrettoEncoding.EncodedLength || decoded.Length != count)
        {
            throw new ArgumentException($"Got {encodings.Length} bytes and {decoded.Length} flags for {count} points of {RistrettoEncoding.EncodedLength} bytes.", nameof(encodings));
        }

        Span<byte> block = stackalloc byte[Lanes * RistrettoEncoding.EncodedLength];
        Span<EdwardsPoint> blockPoints = stackalloc EdwardsPoint[Lanes];
        Span<bool> blockDecoded = stackalloc bool[Lanes];
        for (int start = 0; start < count; start += Lanes)
        {
            int used = Math.Min(Lanes, count - start);

            // A short last block is padded with the all-zero encoding (the identity), whose result is dropped.
            block.Clear();
            encodings.Slice(start * RistrettoEncoding.EncodedLength, used * RistrettoEncoding.EncodedLength).CopyTo(block);
            DecodeBlock(block, blockPoints, blockDecoded);
            blockPoints[..used].CopyTo(points[start..]);
            blockDecoded[..used].CopyTo(decoded[start..]);
        }
    }

    private static void DecodeBlock(ReadOnlySpan<byte> block, Span<EdwardsPoint> points, Span<bool> decoded)
    {
        Span<FieldElement> s = stackalloc FieldElement[Lanes];
        Span<FieldElement> u1 = stackalloc FieldElement[Lanes];
        Span<FieldElement> u2 = stackalloc FieldElement[Lanes];
        Span<FieldElement> v = stackalloc FieldElement[Lanes];
        Span<FieldElement> ratio = stackalloc FieldElement[Lanes];
        Span<FieldElement> invSqrt = stackalloc FieldElement[Lanes];
        Span<ulong> ok = stackalloc ulong[Lanes];
        Span<byte> reencoded = stackalloc byte[RistrettoEncoding.EncodedLength];

        for (int j = 0; j < Lanes; j++)
        {
            var encoded = block.Slice(j * RistrettoEncoding.EncodedLength, RistrettoEncoding.EncodedLength);
            s[j] = FieldElement.FromBytes(encoded);
            s[j].Encode(reencoded);
            ulong canonical = CryptographicOperations.FixedTimeEquals(reencoded, encoded) ? 1UL : 0UL;
            ok[j] = canonical & (s[j].IsNegative() ^ 1);

            var ss = s[j].Square();
            u1[j] = FieldElement.One - ss;
            u2[j] = FieldElement.One + ss;
            var u2Squared = u2[j].Square();
            v[j] = -(FieldElement.D * u1[j].Square()) - u2Squared;
            ratio[j] = v[j] * u2Squared;
        }

        InvSqrt(ratio, invSqrt, ok);

        for (int j = 0; j < Lanes; j++)
        {
            var denX = invSqrt[j] * u2[j];
            var denY = invSqrt[j] * denX * v[j];
            var twoS = s[j] + s[j];
            var x = FieldElement.Abs(twoS * denX);
            var y = u1[j] * denY;
            var t = x * y;
            ulong valid = ok[j] & (t.IsNegative() ^ 1) & (y.IsZero() ^ 1);
            points[j] = EdwardsPoint.Select(EdwardsPoint.Identity, new EdwardsPoint(x, y, FieldElement.One, t), valid);
            decoded[j] = valid == 1;
        }
    }

    /// <summary>
    /// SQRT_RATIO_M1(1, v) of RFC 9496 §4.2 on every lane, as <see cref="FieldElement.SqrtRatioM1"/>
    /// computes it with u = 1: r = v³·(v⁷)^((p−5)/8), corrected by √−1 when needed. Clears
    /// <paramref name="ok"/> on lanes where 1/v is not a square.
    /// </summary>
    private static void InvSqrt(ReadOnlySpan<FieldElement> v, Span<FieldElement> r, Span<ulong> ok)
    {
        Span<FieldElement> v3 = stackalloc FieldElement[Lanes];
        Span<FieldElement> v7 = stackalloc FieldElement[Lanes];
        for (int j = 0; j < Lanes; j++)
        {
            v3[j] = v[j].Square() * v[j];
            v7[j] = v3[j].Square() * v[j];
        }

        PowP58(v7, r);
        var minusOne = -FieldElement.One;
        var minusSqrtM1 = -FieldElement.SqrtM1;
        for (int j = 0; j < Lanes; j++)
        {
            var root = v3[j] * r[j];
            var check = v[j] * root.Square();
            ulong correctSign = FieldElement.ConstantTimeEquals(check, FieldElement.One);
            ulong flippedSign = FieldElement.ConstantTimeEquals(check, minusOne);
            ulong flippedSignI = FieldElement.ConstantTimeEquals(check, minusSqrtM1);
            root = FieldElement.Select(root, FieldElement.SqrtM1 * root, flippedSign | flippedSignI);
            r[j] = FieldElement.Abs(root);
            ok[j] &= correctSign | flippedSign;
        }
    }

    /// <summary>x^((p − 5)/8) = x^(2^252 − 3) on every lane: four-lane vector arithmetic where the CPU has it.</summary>
    private static void PowP58(ReadOnlySpan<FieldElement> x, Span<FieldElement> result)
    {
        if (FieldElement4.IsSupported)
        {
            PowP58Vector(x, result);
        }
        else
        {
            PowP58Scalar(x, result);
        }
    }

    /// <summary>x^(2^252 − 3) on four lanes at once (<see cref="FieldElement4"/>), by the addition chain of the single inversion.</summary>
    internal static void PowP58Vector(ReadOnlySpan<FieldElement> x, Span<FieldElement> result)
    {
        var v = FieldElement4.FromLanes(x[0], x[1], x[2], x[3]);
        var t0 = v.Square();                             // 2
        var t1 = t0.Pow2K(2) * v;                        // 9
        t0 *= t1;                                        // 11
        t1 *= t0.Square();                               // 2^5 − 1
        var t2 = t1.Pow2K(5) * t1;                       // 2^10 − 1
        var t3 = t2.Pow2K(10) * t2;                      // 2^20 − 1
        var t4 = t3.Pow2K(20) * t3;                      // 2^40 − 1
        t2 = t4.Pow2K(10) * t2;                          // 2^50 − 1
        t3 = t2.Pow2K(50) * t2;                          // 2^100 − 1
        t4 = t3.Pow2K(100) * t3;                         // 2^200 − 1
        t4 = t4.Pow2K(50) * t2;                          // 2^250 − 1
        var r = t4.Pow2K(2) * v;                         // 2^252 − 3
        r.ToLanes(out result[0], out result[1], out result[2], out result[3]);
    }

    /// <summary>The same exponentiation with scalar field elements (CPUs without AVX2).</summary>
    internal static void PowP58Scalar(ReadOnlySpan<FieldElement> x, Span<FieldElement> result)
    {
        Span<FieldElement> t0 = stackalloc FieldElement[Lanes];
        Span<FieldElement> t1 = stackalloc FieldElement[Lanes];
        Span<FieldElement> t2 = stackalloc FieldElement[Lanes];
        Span<FieldElement> t3 = stackalloc FieldElement[Lanes];
        Span<FieldElement> t4 = stackalloc FieldElement[Lanes];

        for (int j = 0; j < Lanes; j++)
        {
            t0[j] = x[j].Square();                       // 2
        }

        Power(t0, 2, t1);                                // 8
        Multiply(t1, x, t1);                             // 9
        Multiply(t0, t1, t0);                            // 11
        Power(t0, 1, t2);                                // 22
        Multiply(t1, t2, t1);                            // 2^5 − 1
        Power(t1, 5, t2);
        Multiply(t2, t1, t2);                            // 2^10 − 1
        Power(t2, 10, t3);
        Multiply(t3, t2, t3);                            // 2^20 − 1
        Power(t3, 20, t4);
        Multiply(t4, t3, t4);                            // 2^40 − 1
        Power(t4, 10, t4);
        Multiply(t4, t2, t2);                            // 2^50 − 1
        Power(t2, 50, t3);
        Multiply(t3, t2, t3);                            // 2^100 − 1
        Power(t3, 100, t4);
        Multiply(t4, t3, t4);                            // 2^200 − 1
        Power(t4, 50, t4);
        Multiply(t4, t2, t4);                            // 2^250 − 1
        Power(t4, 2, t4);                                // 2^252 − 4
        Multiply(t4, x, result);                         // 2^252 − 3
    }

    /// <summary>result = x^(2^k) lane by lane.</summary>
    private static void Power(ReadOnlySpan<FieldElement> x, int k, Span<FieldElement> result)
    {
        var a = x[0];
        var b = x[1];
        var c = x[2];
        var d = x[3];
        for (int i = 0; i < k; i++)
        {
            a = a.Square();
            b = b.Square();
            c = c.Square();
            d = d.Square();
        }

        result[0] = a;
        result[1] = b;
        result[2] = c;
        result[3] = d;
    }

    private static void Multiply(ReadOnlySpan<FieldElement> a, ReadOnlySpan<FieldElement> b, Span<FieldElement> result)
    {
        for (int j = 0; j < Lanes; j++)
        {
            result[j] = a[j] * b[j];
        }
    }
}
