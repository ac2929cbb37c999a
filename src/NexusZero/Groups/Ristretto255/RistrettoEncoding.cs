using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// The ristretto255 layer over edwards25519 (RFC 9496 §4.3): canonical 32-byte encoding and decoding,
/// equality of cosets, and element derivation from 64 uniform bytes.
/// </summary>
/// <remarks>Internal fast API. Every function is constant time in its input.</remarks>
[SkipLocalsInit]
internal static class RistrettoEncoding
{
    /// <summary>Length of an encoded element.</summary>
    internal const int EncodedLength = 32;

    /// <summary>
    /// DECODE of RFC 9496 §4.3.1. Returns false (and the identity) for a non-canonical field encoding,
    /// a negative s, a non-square, a negative t or y = 0.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, out EdwardsPoint point)
    {
        if (encoded.Length != EncodedLength)
        {
            point = EdwardsPoint.Identity;
            return false;
        }

        var s = FieldElement.FromBytes(encoded);
        Span<byte> reencoded = stackalloc byte[EncodedLength];
        s.Encode(reencoded);
        ulong canonical = CryptographicOperations.FixedTimeEquals(reencoded, encoded) ? 1UL : 0UL;
        ulong sNegative = s.IsNegative();

        var ss = s.Square();
        var u1 = FieldElement.One - ss;
        var u2 = FieldElement.One + ss;
        var u2Squared = u2.Square();
        var v = -(FieldElement.D * u1.Square()) - u2Squared;
        ulong wasSquare = FieldElement.SqrtRatioM1(FieldElement.One, v * u2Squared, out var invSqrt);
        var denX = invSqrt * u2;
        var denY = invSqrt * denX * v;
        var twoS = s + s;
        var x = FieldElement.Abs(twoS * denX);
        var y = u1 * denY;
        var t = x * y;

        ulong ok = canonical & (sNegative ^ 1) & wasSquare & (t.IsNegative() ^ 1) & (y.IsZero() ^ 1);
        point = EdwardsPoint.Select(EdwardsPoint.Identity, new EdwardsPoint(x, y, FieldElement.One, t), ok);
        return ok == 1;
    }

    /// <summary>ENCODE of RFC 9496 §4.3.2: the canonical encoding of the coset of <paramref name="point"/>.</summary>
    internal static void Encode(in EdwardsPoint point, Span<byte> destination)
    {
        var u1 = (point.Z + point.Y) * (point.Z - point.Y);
        var u2 = point.X * point.Y;
        FieldElement.SqrtRatioM1(FieldElement.One, u1 * u2.Square(), out var invSqrt);
        var den1 = invSqrt * u1;
        var den2 = invSqrt * u2;
        var zInv = den1 * den2 * point.T;
        var ix = point.X * FieldElement.SqrtM1;
        var iy = point.Y * FieldElement.SqrtM1;
        var enchantedDenominator = den1 * FieldElement.InvSqrtAMinusD;
        ulong rotate = (point.T * zInv).IsNegative();
        var x = FieldElement.Select(point.X, iy, rotate);
        var y = FieldElement.Select(point.Y, ix, rotate);
        var denInv = FieldElement.Select(den2, enchantedDenominator, rotate);
        y = FieldElement.ConditionalNegate(y, (x * zInv).IsNegative());
        var s = FieldElement.Abs(denInv * (point.Z - y));
        s.Encode(destination);
    }

    /// <summary>
    /// Equality of ristretto255 elements (RFC 9496 §4.3.3): x₁·y₂ = y₁·x₂ or y₁·y₂ = x₁·x₂.
    /// Returns 1 when equal, else 0.
    /// </summary>
    internal static ulong AreEquivalent(in EdwardsPoint a, in EdwardsPoint b)
    {
        ulong first = FieldElement.ConstantTimeEquals(a.X * b.Y, a.Y * b.X);
        ulong second = FieldElement.ConstantTimeEquals(a.Y * b.Y, a.X * b.X);
        return first | second;
    }

    /// <summary>1 when <paramref name="point"/> represents the identity element (X = 0 or Y = 0).</summary>
    internal static ulong IsIdentity(in EdwardsPoint point) => point.X.IsZero() | point.Y.IsZero();

    /// <summary>
    /// Element derivation of RFC 9496 §4.3.4: MAP on each 32-byte half (top bit masked, value taken
    /// mod p) and the sum of the two points. One-way: nobody learns a discrete logarithm.
    /// </summary>
    internal static EdwardsPoint FromUniformBytes(ReadOnlySpan<byte> uniformBytes)
    {
        if (uniformBytes.Length != 64)
        {
            throw new ArgumentException("Element derivation needs exactly 64 uniform bytes.", nameof(uniformBytes));
        }

        var p1 = Map(FieldElement.FromBytes(uniformBytes[..32]));
        var p2 = Map(FieldElement.FromBytes(uniformBytes[32..]));
        return p1.Add(p2);
    }

    /// <summary>MAP of RFC 9496 §4.3.4 (the Elligator 2 variant for ristretto255).</summary>
    private static EdwardsPoint Map(in FieldElement t)
    {
        var one = FieldElement.One;
        var minusOne = -one;
        var r = FieldElement.SqrtM1 * t.Square();
        var u = (r + one) * FieldElement.OneMinusDSquared;
        var v = (minusOne - (r * FieldElement.D)) * (r + FieldElement.D);
        ulong wasSquare = FieldElement.SqrtRatioM1(u, v, out var s);
        var sPrime = -FieldElement.Abs(s * t);
        s = FieldElement.Select(sPrime, s, wasSquare);
        var c = FieldElement.Select(r, minusOne, wasSquare);
        var n = (c * (r - one) * FieldElement.DMinusOneSquared) - v;
        var ss = s.Square();
        var w0 = (s + s) * v;
        var w1 = n * FieldElement.SqrtAdMinusOne;
        var w2 = one - ss;
        var w3 = one + ss;
        return new EdwardsPoint(w0 * w3, w2 * w1, w1 * w3, w0 * w2);
    }
}
