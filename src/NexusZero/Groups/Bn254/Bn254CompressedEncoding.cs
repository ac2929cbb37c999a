using System.Numerics;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// The compressed point form snarkjs and ffjavascript write (<c>toRprCompressed</c>): G1 as x (32 bytes, big-endian),
/// G2 as x.c1 ‖ x.c0 (64 bytes, big-endian, imaginary part first); the top bit of the first byte (0x80) is set when y
/// is the "greater" root (y &gt; −y as integers, for Fp2 judged on c1, or on c0 when c1 = 0), and the point at infinity
/// is 0x40 followed by zeros. Decoding recomputes y by a square root and applies the same checks as the uncompressed
/// form: canonical x, no stray flag bits, a root that exists, and for G2 membership in the subgroup. Public data only:
/// the square roots are variable time.
/// </summary>
internal static class Bn254CompressedEncoding
{
    public const int G1Length = 32;

    public const int G2Length = 64;

    private const byte GreatestFlag = 0x80;
    private const byte InfinityFlag = 0x40;

    // How the point at infinity reads in each form's byte order, for the error that names it.
    private const string SnarkjsInfinity = "0x40 followed by zeros";
    private const string ArkworksInfinity = "zeros followed by 0x40 (arkworks compressed form)";

    // BigInteger only derives these public exponents once, at type initialisation; no point or secret passes through it.
    private static readonly BigInteger P = new(Convert.FromHexString("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"), isUnsigned: true, isBigEndian: true);

    /// <summary>(p + 1)/4: a^((p+1)/4) is a square root of a square a, since p ≡ 3 (mod 4).</summary>
    private static readonly Limbs256 SqrtExponent = Exponent((P + 1) / 4);

    /// <summary>(p − 3)/4 and (p − 1)/2, for the Fp2 square root (Adj and Rodríguez-Henríquez 2012, algorithm 9).</summary>
    private static readonly Limbs256 QuarterExponent = Exponent((P - 3) / 4);
    private static readonly Limbs256 HalfExponent = Exponent((P - 1) / 2);

    public static byte[] EncodeG1(in G1Point point)
    {
        var bytes = new byte[G1Length];
        if (point.IsIdentity)
        {
            bytes[0] = InfinityFlag;
            return bytes;
        }

        var affine = point.ToAffine();
        affine.X.WriteBigEndian(bytes);
        if (IsGreatest(affine.Y))
        {
            bytes[0] |= GreatestFlag;
        }

        return bytes;
    }

    public static byte[] EncodeG2(in G2Point point)
    {
        var bytes = new byte[G2Length];
        if (point.IsIdentity)
        {
            bytes[0] = InfinityFlag;
            return bytes;
        }

        var affine = point.ToAffine();
        affine.X.C1.WriteBigEndian(bytes.AsSpan(0, 32));
        affine.X.C0.WriteBigEndian(bytes.AsSpan(32));
        if (IsGreatest(affine.Y))
        {
            bytes[0] |= GreatestFlag;
        }

        return bytes;
    }

    public static bool TryDecodeG1(ReadOnlySpan<byte> bytes, out G1Point point, out string? error) =>
        TryDecodeG1(bytes, SnarkjsInfinity, out point, out error);

    private static bool TryDecodeG1(ReadOnlySpan<byte> bytes, string infinityForm, out G1Point point, out string? error)
    {
        point = G1Point.Identity;
        if (!TryFlags(bytes, G1Length, "G1", infinityForm, out var greatest, out var infinity, out error))
        {
            return false;
        }

        if (infinity)
        {
            return true;
        }

        Span<byte> x = stackalloc byte[32];
        bytes.CopyTo(x);
        x[0] &= 0x3f;
        if (!Fp.TryFromBigEndian(x, out var xs))
        {
            error = "The compressed G1 x coordinate is not below the field modulus p.";
            return false;
        }

        var rhs = (xs.Square() * xs) + G1Curve.B;
        var y = rhs.Power(SqrtExponent);
        if (y.Square() != rhs)
        {
            error = "The compressed G1 x coordinate has no point on y² = x³ + 3.";
            return false;
        }

        if (IsGreatest(y) != greatest)
        {
            y = -y;
        }

        point = new G1Point(xs, y, Fp.One);
        return true;
    }

    public static bool TryDecodeG2(ReadOnlySpan<byte> bytes, out G2Point point, out string? error) =>
        TryDecodeG2(bytes, SnarkjsInfinity, out point, out error);

    private static bool TryDecodeG2(ReadOnlySpan<byte> bytes, string infinityForm, out G2Point point, out string? error)
    {
        point = G2Point.Identity;
        if (!TryFlags(bytes, G2Length, "G2", infinityForm, out var greatest, out var infinity, out error))
        {
            return false;
        }

        if (infinity)
        {
            return true;
        }

        Span<byte> x1 = stackalloc byte[32];
        bytes[..32].CopyTo(x1);
        x1[0] &= 0x3f;
        if (!Fp.TryFromBigEndian(x1, out var c1) || !Fp.TryFromBigEndian(bytes[32..], out var c0))
        {
            error = "A compressed G2 x coordinate is not below the field modulus p.";
            return false;
        }

        var x = new Fp2(c0, c1);
        var rhs = (x.Square() * x) + G2Curve.B;
        if (!TrySqrt(rhs, out var y))
        {
            error = "The compressed G2 x coordinate has no point on the twist.";
            return false;
        }

        if (IsGreatest(y) != greatest)
        {
            y = -y;
        }

        var candidate = new G2Point(x, y, Fp2.One);
        if (!Bn254Encoding.IsInG2Subgroup(candidate))
        {
            error = "The compressed G2 point is on the twist but not in the subgroup of order r.";
            return false;
        }

        point = candidate;
        return true;
    }

    /// <summary>
    /// arkworks' compressed form (ark-serialize, <c>serialize_compressed</c>): G1 = x little-endian, G2 = x.c0 ‖ x.c1
    /// little-endian, the flags in the top bits of the last byte (0x80 "y negative", i.e. y &gt; −y with Fp2 compared
    /// on c1 and then c0; 0x40 infinity, with x = 0). Those are ffjavascript's flags and ordering exactly, so the
    /// arkworks bytes are the snarkjs bytes reversed, and decoding reverses them and applies the same checks.
    /// </summary>
    public static byte[] EncodeG1Arkworks(in G1Point point) => Reversed(EncodeG1(point));

    /// <summary>arkworks' compressed G2 (see <see cref="EncodeG1Arkworks"/>).</summary>
    public static byte[] EncodeG2Arkworks(in G2Point point) => Reversed(EncodeG2(point));

    /// <summary>Strictly decodes arkworks' compressed G1 (32 bytes).</summary>
    public static bool TryDecodeG1Arkworks(ReadOnlySpan<byte> bytes, out G1Point point, out string? error) =>
        TryDecodeG1(Reversed(bytes), ArkworksInfinity, out point, out error);

    /// <summary>Strictly decodes arkworks' compressed G2 (64 bytes), including the subgroup check.</summary>
    public static bool TryDecodeG2Arkworks(ReadOnlySpan<byte> bytes, out G2Point point, out string? error) =>
        TryDecodeG2(Reversed(bytes), ArkworksInfinity, out point, out error);

    private static byte[] Reversed(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Array.Reverse(copy);
        return copy;
    }

    private static bool TryFlags(ReadOnlySpan<byte> bytes, int length, string group, string infinityForm, out bool greatest, out bool infinity, out string? error)
    {
        greatest = infinity = false;
        if (bytes.Length != length)
        {
            error = $"A compressed {group} point is {length} bytes, not {bytes.Length}.";
            return false;
        }

        infinity = (bytes[0] & InfinityFlag) != 0;
        greatest = (bytes[0] & GreatestFlag) != 0;
        if (infinity && (greatest || bytes[0] != InfinityFlag || bytes[1..].IndexOfAnyExcept((byte)0) >= 0))
        {
            error = $"The compressed {group} point at infinity must be {infinityForm}.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>y &gt; −y as integers (ffjavascript's isGreatest).</summary>
    private static bool IsGreatest(Fp y)
    {
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        y.WriteBigEndian(a);
        (-y).WriteBigEndian(b);
        return a.SequenceCompareTo(b) > 0;
    }

    /// <summary>Judged on c1, or on c0 when c1 = 0 (ffjavascript's isGreatest for Fp2).</summary>
    internal static bool IsGreatest(Fp2 y) => y.C1.IsZero ? IsGreatest(y.C0) : IsGreatest(y.C1);

    internal static bool TrySqrt(Fp2 a, out Fp2 root)
    {
        var a1 = a.Power(QuarterExponent);
        var alpha = a1.Square() * a;
        var a0 = alpha.Conjugate() * alpha;
        var minusOne = -Fp2.One;
        root = Fp2.Zero;
        if (a0 == minusOne)
        {
            return false;
        }

        var x0 = a1 * a;
        root = alpha == minusOne
            ? new Fp2(-x0.C1, x0.C0)
            : (Fp2.One + alpha).Power(HalfExponent) * x0;
        return root.Square() == a;
    }

    private static Limbs256 Exponent(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        var length = value.GetByteCount(isUnsigned: true);
        bytes.AsSpan(0, length).CopyTo(padded.AsSpan(32 - length));
        return Limbs256.FromBigEndian(padded);
    }
}
