namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// SEC1 compressed-point decoding for many encodings at once, with exactly the checks of
/// <see cref="Secp256k1Group.TryDecodeAffine"/> per item: prefix 0x02 or 0x03, x below p, x³ + 7 a
/// square, y of the prefix's parity. The cost of one decoding is the square root
/// (x³ + 7)^((p+1)/4), 253 squarings and 13 multiplications; here <see cref="Lanes"/> encodings share
/// one chain of four-lane vector operations (<see cref="FieldElement4"/>). Parsing, x³ + 7 and the
/// checks around the chain stay scalar.
/// </summary>
/// <remarks>
/// Internal fast API for verifiers: encodings are public, and the per-item checks branch on them as the
/// single decoder does. The exponentiation itself has no value-dependent branch or index. Without AVX2
/// every item goes through the single decoder.
/// </remarks>
internal static class Secp256k1BatchDecoding
{
    /// <summary>Encodings decoded side by side.</summary>
    internal const int Lanes = 4;

    /// <summary>
    /// Decodes <paramref name="encodings"/>, a concatenation of 33-byte SEC1 compressed encodings, into
    /// <paramref name="points"/>; <paramref name="valid"/>[i] says whether encoding i is canonical and on
    /// the curve (when not, points[i] is <c>default</c>, as with the single decoder). An invalid item
    /// does not affect the others.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    internal static void Decode(ReadOnlySpan<byte> encodings, Span<AffinePoint> points, Span<bool> valid)
    {
        CheckLengths(encodings, points, valid);
        if (FieldElement4.IsSupported)
        {
            DecodeVector(encodings, points, valid);
        }
        else
        {
            DecodeScalar(encodings, points, valid);
        }
    }

    /// <summary>The fallback without AVX2: the single decoder on every item.</summary>
    internal static void DecodeScalar(ReadOnlySpan<byte> encodings, Span<AffinePoint> points, Span<bool> valid)
    {
        CheckLengths(encodings, points, valid);
        for (int i = 0; i < points.Length; i++)
        {
            valid[i] = Secp256k1Group.TryDecodeAffine(encodings.Slice(i * Secp256k1Group.PointSize, Secp256k1Group.PointSize), out points[i]);
        }
    }

    /// <summary>
    /// Four items per square-root chain; a last block of one to three items fills the unused lanes with
    /// x = 0 and drops their results. Only for callers that checked <see cref="FieldElement4.IsSupported"/>.
    /// </summary>
    internal static void DecodeVector(ReadOnlySpan<byte> encodings, Span<AffinePoint> points, Span<bool> valid)
    {
        CheckLengths(encodings, points, valid);
        Span<FieldElement> x = stackalloc FieldElement[Lanes];
        Span<FieldElement> rhs = stackalloc FieldElement[Lanes];
        Span<bool> parsed = stackalloc bool[Lanes];
        Span<bool> odd = stackalloc bool[Lanes];
        int count = points.Length;
        for (int start = 0; start < count; start += Lanes)
        {
            int used = Math.Min(Lanes, count - start);
            for (int j = 0; j < Lanes; j++)
            {
                x[j] = FieldElement.Zero;
                parsed[j] = false;
                odd[j] = false;
                if (j < used)
                {
                    var encoded = encodings.Slice((start + j) * Secp256k1Group.PointSize, Secp256k1Group.PointSize);
                    byte prefix = encoded[0];
                    odd[j] = prefix == 0x03;
                    parsed[j] = (prefix == 0x02 || prefix == 0x03) && FieldElement.TryFromBigEndian(encoded[1..], out x[j]);
                }

                rhs[j] = FieldElement.Add(FieldElement.Multiply(FieldElement.Square(x[j]), x[j]), FieldElement.FromUInt64(7));
            }

            SqrtCandidates(rhs[0], rhs[1], rhs[2], rhs[3], out var y0, out var y1, out var y2, out var y3);
            Finish(x[0], rhs[0], y0, parsed[0], odd[0], start, used, 0, points, valid);
            Finish(x[1], rhs[1], y1, parsed[1], odd[1], start, used, 1, points, valid);
            Finish(x[2], rhs[2], y2, parsed[2], odd[2], start, used, 2, points, valid);
            Finish(x[3], rhs[3], y3, parsed[3], odd[3], start, used, 3, points, valid);
        }
    }

    /// <summary>
    /// a^((p+1)/4) on every lane, the candidate square root <see cref="FieldElement.SqrtVarTime"/> computes
    /// (p ≡ 3 mod 4), by the same addition chain: (p+1)/4 = [223 ones] 0 [22 ones] 0000 11 00 in binary.
    /// </summary>
    internal static void SqrtCandidates(in FieldElement a, in FieldElement b, in FieldElement c, in FieldElement d, out FieldElement ra, out FieldElement rb, out FieldElement rc, out FieldElement rd)
    {
        var v = FieldElement4.FromLanes(a, b, c, d);
        var x2 = v.Square() * v;                         // 2^2 − 1
        var x3 = x2.Square() * v;                        // 2^3 − 1
        var x6 = x3.Pow2K(3) * x3;
        var x9 = x6.Pow2K(3) * x3;
        var x11 = x9.Pow2K(2) * x2;
        var x22 = x11.Pow2K(11) * x11;
        var x44 = x22.Pow2K(22) * x22;
        var x88 = x44.Pow2K(44) * x44;
        var x176 = x88.Pow2K(88) * x88;
        var x220 = x176.Pow2K(44) * x44;
        var x223 = x220.Pow2K(3) * x3;                   // 2^223 − 1
        var t = x223.Pow2K(23) * x22;                    // [223 ones] 0 [22 ones]
        t = t.Pow2K(6) * x2;                             // … 0000 11
        var root = t.Pow2K(2);                           // … 0000 11 00
        root.ToLanes(out ra, out rb, out rc, out rd);
    }

    /// <summary>Checks lane <paramref name="lane"/>'s candidate root and stores the point with the requested parity.</summary>
    private static void Finish(in FieldElement x, in FieldElement rhs, in FieldElement root, bool parsed, bool odd, int start, int used, int lane, Span<AffinePoint> points, Span<bool> valid)
    {
        if (lane >= used)
        {
            return;
        }

        bool onCurve = parsed && FieldElement.Square(root).EqualsBit(rhs) == 1;
        var y = (root.IsOddBit() == 1) == odd ? root : FieldElement.Negate(root);
        points[start + lane] = onCurve ? new AffinePoint(x, y) : default;
        valid[start + lane] = onCurve;
    }

    private static void CheckLengths(ReadOnlySpan<byte> encodings, Span<AffinePoint> points, Span<bool> valid)
    {
        if (encodings.Length != points.Length * Secp256k1Group.PointSize || valid.Length != points.Length)
        {
            throw new ArgumentException($"Got {encodings.Length} bytes and {valid.Length} flags for {points.Length} points of {Secp256k1Group.PointSize} bytes.", nameof(encodings));
        }
    }
}
