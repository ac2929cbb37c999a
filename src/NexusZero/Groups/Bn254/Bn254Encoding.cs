namespace NexusZero.Groups.Bn254;

/// <summary>
/// The EIP-196/197 uncompressed encodings: G1 as x ‖ y (64 bytes), G2 as x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0
/// (128 bytes, imaginary part first), every coordinate 32-byte big-endian, infinity as all zeros
/// and only so. Decoding accepts only canonical coordinates (below p), points on the curve and, for
/// G2, points in the order-r subgroup.
/// </summary>
internal static class Bn254Encoding
{
    public const int G1Length = 64;
    public const int G2Length = 128;

    /// <summary>The generator (1, 2) of G1.</summary>
    public static readonly G1Point G1Generator = new(Fp.One, Fp.FromUInt64(2), Fp.One);

    /// <summary>The generator of G2 that EIP-197 names.</summary>
    public static readonly G2Point G2Generator = DecodeG2(Convert.FromHexString(
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2" +
        "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed" +
        "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b" +
        "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"));

    /// <summary>Decodes a G1 point; false with the reason when the bytes are not a valid encoding.</summary>
    public static bool TryDecodeG1(ReadOnlySpan<byte> bytes, out G1Point point, out string? error)
    {
        point = G1Point.Identity;
        if (bytes.Length != G1Length)
        {
            error = $"A G1 point is {G1Length} bytes, not {bytes.Length}.";
            return false;
        }

        if (!Fp.TryFromBigEndian(bytes[..32], out var x) || !Fp.TryFromBigEndian(bytes[32..], out var y))
        {
            error = "A G1 coordinate is not below the field modulus p.";
            return false;
        }

        if (x.IsZero && y.IsZero)
        {
            error = null;
            return true;
        }

        var candidate = new G1Point(x, y, Fp.One);
        if (!candidate.IsOnCurve())
        {
            error = "The G1 point is not on the curve y² = x³ + 3.";
            return false;
        }

        point = candidate;
        error = null;
        return true;
    }

    /// <summary>Decodes a G2 point; false with the reason when the bytes are not a valid encoding.</summary>
    public static bool TryDecodeG2(ReadOnlySpan<byte> bytes, out G2Point point, out string? error)
    {
        point = G2Point.Identity;
        if (bytes.Length != G2Length)
        {
            error = $"A G2 point is {G2Length} bytes, not {bytes.Length}.";
            return false;
        }

        if (!Fp.TryFromBigEndian(bytes[..32], out var x1) || !Fp.TryFromBigEndian(bytes[32..64], out var x0)
            || !Fp.TryFromBigEndian(bytes[64..96], out var y1) || !Fp.TryFromBigEndian(bytes[96..], out var y0))
        {
            error = "A G2 coordinate is not below the field modulus p.";
            return false;
        }

        var x = new Fp2(x0, x1);
        var y = new Fp2(y0, y1);
        if (x.IsZero && y.IsZero)
        {
            error = null;
            return true;
        }

        var candidate = new G2Point(x, y, Fp2.One);
        if (!candidate.IsOnCurve())
        {
            error = "The G2 point is not on the twist y² = x³ + 3/(9 + u).";
            return false;
        }

        if (!IsInG2Subgroup(candidate))
        {
            error = "The G2 point is on the twist but not in the subgroup of order r.";
            return false;
        }

        point = candidate;
        error = null;
        return true;
    }

    /// <summary>
    /// Whether Q lies in G2: the twist's group is larger than G2 (cofactor 2p − r), so on-curve is not enough.
    /// Tests [x + 1]Q + ψ([x]Q) + ψ²([x]Q) = ψ³([2x]Q) with BN254's x (Dai, Lin, Zhao and Zhou, "Fast subgroup
    /// membership testing for G1, G2 and GT on pairing-friendly curves", eprint 2022/348, §5 for BN curves; it
    /// applies because x ≢ 4 mod 13 and x ≢ 92 mod 97): one 63-bit multiplication instead of the 254-bit r·Q.
    /// Variable time; the point is public.
    /// </summary>
    public static bool IsInG2Subgroup(in G2Point point)
    {
        var xq = MultiplyByPublic(point, MillerLoop.X);
        var psiXq = Psi(xq);
        var left = xq + point + psiXq + Psi(psiXq);
        var right = Psi(Psi(Psi(xq.Double())));
        return left == right;
    }

    /// <summary>r·Q = O, the definition; the reference the tests hold <see cref="IsInG2Subgroup"/> to.</summary>
    internal static bool IsInG2SubgroupByOrder(in G2Point point) => point.MultiplyLimbs(Fr.Parameters.Modulus).IsIdentity;

    /// <summary>
    /// The untwist-Frobenius-twist endomorphism ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)) in projective
    /// coordinates (conjugation is a field automorphism, so it applies to X, Y and Z alike).
    /// </summary>
    internal static G2Point Psi(in G2Point point) => new(
        point.X.Conjugate() * FrobeniusConstants.Gamma[2],
        point.Y.Conjugate() * FrobeniusConstants.Gamma[3],
        point.Z.Conjugate());

    /// <summary>k·Q by double-and-add for a public k.</summary>
    private static G2Point MultiplyByPublic(in G2Point point, ulong k)
    {
        var result = G2Point.Identity;
        for (var i = 63 - System.Numerics.BitOperations.LeadingZeroCount(k); i >= 0; i--)
        {
            result = result.Double();
            if (((k >> i) & 1) != 0)
            {
                result += point;
            }
        }

        return result;
    }

    public static G1Point DecodeG1(ReadOnlySpan<byte> bytes) =>
        TryDecodeG1(bytes, out var point, out var error) ? point : throw new FormatException(error);

    public static G2Point DecodeG2(ReadOnlySpan<byte> bytes) =>
        TryDecodeG2(bytes, out var point, out var error) ? point : throw new FormatException(error);

    public static void EncodeG1(in G1Point point, Span<byte> destination)
    {
        if (destination.Length != G1Length)
        {
            throw new ArgumentException($"A G1 point is {G1Length} bytes.", nameof(destination));
        }

        var affine = point.ToAffine();
        affine.X.WriteBigEndian(destination[..32]);
        affine.Y.WriteBigEndian(destination[32..]);
    }

    public static void EncodeG2(in G2Point point, Span<byte> destination)
    {
        if (destination.Length != G2Length)
        {
            throw new ArgumentException($"A G2 point is {G2Length} bytes.", nameof(destination));
        }

        var affine = point.ToAffine();
        affine.X.C1.WriteBigEndian(destination[..32]);
        affine.X.C0.WriteBigEndian(destination[32..64]);
        affine.Y.C1.WriteBigEndian(destination[64..96]);
        affine.Y.C0.WriteBigEndian(destination[96..]);
    }

    public static byte[] EncodeG1(in G1Point point)
    {
        var bytes = new byte[G1Length];
        EncodeG1(point, bytes);
        return bytes;
    }

    public static byte[] EncodeG2(in G2Point point)
    {
        var bytes = new byte[G2Length];
        EncodeG2(point, bytes);
        return bytes;
    }
}
