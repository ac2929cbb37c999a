using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// The "completed" output of an addition or doubling, ((X : Z), (Y : T)) with x = X/Z and y = Y/T.
/// Converting to extended costs 4 multiplications and to projective 3, so callers pick the cheaper
/// one for what comes next.
/// </summary>
/// <remarks>
/// The coordinates are only ever multiplied (by the conversions), so the formulas here leave them
/// uncarried: limbs below 2^54, what multiplication accepts. Inputs are weakly reduced (extended and
/// cached points hold products, limbs below 2^51 + 2^17), except that Y + X of a Niels point is a sum.
/// </remarks>
[SkipLocalsInit]
internal struct CompletedPoint
{
    internal FieldElement X;
    internal FieldElement Y;
    internal FieldElement Z;
    internal FieldElement T;

    internal CompletedPoint(in FieldElement x, in FieldElement y, in FieldElement z, in FieldElement t)
    {
        X = x;
        Y = y;
        Z = z;
        T = t;
    }

    /// <summary>To extended coordinates.</summary>
    internal readonly EdwardsPoint ToExtended() => new(X * T, Y * Z, Z * T, X * Y);

    /// <summary>To projective coordinates (no T).</summary>
    internal readonly ProjectivePoint ToProjective() => new(X * T, Y * Z, Z * T);

    /// <summary>p + q (add-2008-hwcd-3 with a = −1, complete).</summary>
    internal static CompletedPoint Add(in EdwardsPoint p, in ProjectiveNielsPoint q)
    {
        var yPlusX = p.Y + p.X;
        var yMinusX = FieldElement.SubtractWithoutCarry(p.Y, p.X);
        var pp = yPlusX * q.YPlusX;
        var mm = yMinusX * q.YMinusX;
        var tt2d = p.T * q.T2d;
        var zz = p.Z * q.Z;
        var zz2 = zz + zz;
        return new CompletedPoint(FieldElement.SubtractWithoutCarry(pp, mm), pp + mm, zz2 + tt2d, FieldElement.SubtractWithoutCarry(zz2, tt2d));
    }

    /// <summary>p − q.</summary>
    internal static CompletedPoint Subtract(in EdwardsPoint p, in ProjectiveNielsPoint q)
    {
        var yPlusX = p.Y + p.X;
        var yMinusX = FieldElement.SubtractWithoutCarry(p.Y, p.X);
        var pm = yPlusX * q.YMinusX;
        var mp = yMinusX * q.YPlusX;
        var tt2d = p.T * q.T2d;
        var zz = p.Z * q.Z;
        var zz2 = zz + zz;
        return new CompletedPoint(FieldElement.SubtractWithoutCarry(pm, mp), pm + mp, FieldElement.SubtractWithoutCarry(zz2, tt2d), zz2 + tt2d);
    }

    /// <summary>p + q for an affine q (mixed addition, one multiplication fewer).</summary>
    internal static CompletedPoint Add(in EdwardsPoint p, in AffineNielsPoint q)
    {
        var yPlusX = p.Y + p.X;
        var yMinusX = FieldElement.SubtractWithoutCarry(p.Y, p.X);
        var pp = yPlusX * q.YPlusX;
        var mm = yMinusX * q.YMinusX;
        var txy2d = p.T * q.XY2d;
        var z2 = p.Z + p.Z;
        return new CompletedPoint(FieldElement.SubtractWithoutCarry(pp, mm), pp + mm, z2 + txy2d, FieldElement.SubtractWithoutCarry(z2, txy2d));
    }

    /// <summary>p − q for an affine q.</summary>
    internal static CompletedPoint Subtract(in EdwardsPoint p, in AffineNielsPoint q)
    {
        var yPlusX = p.Y + p.X;
        var yMinusX = FieldElement.SubtractWithoutCarry(p.Y, p.X);
        var pm = yPlusX * q.YMinusX;
        var mp = yMinusX * q.YPlusX;
        var txy2d = p.T * q.XY2d;
        var z2 = p.Z + p.Z;
        return new CompletedPoint(FieldElement.SubtractWithoutCarry(pm, mp), pm + mp, FieldElement.SubtractWithoutCarry(z2, txy2d), z2 + txy2d);
    }
}
