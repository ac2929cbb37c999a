using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// A point of the twisted Edwards curve −x² + y² = 1 + d·x²·y² (edwards25519) in extended coordinates
/// (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z (Hisil–Wong–Carter–Dawson 2008).
/// </summary>
/// <remarks>
/// <para>Internal fast API. A ristretto255 element is an equivalence class of these points (the
/// coset P + E[4]); compare with <see cref="RistrettoEncoding.AreEquivalent"/>, never field by field.</para>
/// <para>Additions use the complete unified formulas, so they are correct for every input (identity,
/// doubling, inverses) and branch-free.</para>
/// </remarks>
[SkipLocalsInit]
internal struct EdwardsPoint
{
    internal FieldElement X;
    internal FieldElement Y;
    internal FieldElement Z;
    internal FieldElement T;

    internal EdwardsPoint(in FieldElement x, in FieldElement y, in FieldElement z, in FieldElement t)
    {
        X = x;
        Y = y;
        Z = z;
        T = t;
    }

    /// <summary>The neutral element (0, 1).</summary>
    internal static EdwardsPoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>The ristretto255 generator: the edwards25519 base point with y = 4/5 and x even.</summary>
    internal static readonly EdwardsPoint BasePoint = new(
        new FieldElement(0x62d608f25d51a, 0x412a4b4f6592a, 0x75b7171a4b31d, 0x1ff60527118fe, 0x216936d3cd6e5),
        new FieldElement(0x6666666666658, 0x4cccccccccccc, 0x1999999999999, 0x3333333333333, 0x6666666666666),
        FieldElement.One,
        new FieldElement(0x68ab3a5b7dda3, 0xeea2a5eadbb, 0x2af8df483c27e, 0x332b375274732, 0x67875f0fd78b7));

    /// <summary>The cached form used as the right operand of an addition.</summary>
    internal readonly ProjectiveNielsPoint ToProjectiveNiels() =>
        new(Y + X, Y - X, Z, T * FieldElement.D2);

    /// <summary>Drops T (for doubling chains).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly ProjectivePoint ToProjective() => new(X, Y, Z);

    /// <summary>The affine cached form (Z = 1); costs one field inversion.</summary>
    internal readonly AffineNielsPoint ToAffineNiels()
    {
        var zInv = Z.Invert();
        var x = X * zInv;
        var y = Y * zInv;
        return new AffineNielsPoint(y + x, y - x, x * y * FieldElement.D2);
    }

    /// <summary>this + other.</summary>
    internal readonly EdwardsPoint Add(in EdwardsPoint other)
    {
        var niels = other.ToProjectiveNiels();
        return CompletedPoint.Add(this, niels).ToExtended();
    }

    /// <summary>this − other.</summary>
    internal readonly EdwardsPoint Subtract(in EdwardsPoint other)
    {
        var niels = other.ToProjectiveNiels();
        return CompletedPoint.Subtract(this, niels).ToExtended();
    }

    /// <summary>−this.</summary>
    internal readonly EdwardsPoint Negate() => new(-X, Y, Z, -T);

    /// <summary>2·this.</summary>
    internal readonly EdwardsPoint Double() => ToProjective().Double().ToExtended();

    /// <summary>2^k·this for k ≥ 1.</summary>
    internal readonly EdwardsPoint MultiplyByPowerOfTwo(int k)
    {
        var p = ToProjective();
        for (int i = 1; i < k; i++)
        {
            p = p.Double().ToProjective();
        }

        return p.Double().ToExtended();
    }

    /// <summary>b when <paramref name="choice"/> is 1, a when 0 (no branch).</summary>
    internal static EdwardsPoint Select(in EdwardsPoint a, in EdwardsPoint b, ulong choice) => new(
        FieldElement.Select(a.X, b.X, choice),
        FieldElement.Select(a.Y, b.Y, choice),
        FieldElement.Select(a.Z, b.Z, choice),
        FieldElement.Select(a.T, b.T, choice));
}
