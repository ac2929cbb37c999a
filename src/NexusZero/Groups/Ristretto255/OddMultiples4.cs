using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Tables of odd multiples P, 3P, …, (2m − 1)·P for four points at once, with the formulas of
/// <see cref="ScalarMultiplication.OddMultiples"/> on <see cref="FieldElement4"/> lanes: building a
/// table is a fixed sequence of field operations, the same for every point, so four of them share each
/// vector instruction. The entries are the points the scalar code computes, written in the cached
/// form of <see cref="PackedEdwardsPoint"/>.
/// </summary>
/// <remarks>Only for callers that checked <see cref="FieldElement4.IsSupported"/>. No branch depends on the points.</remarks>
[SkipLocalsInit]
internal static class OddMultiples4
{
    /// <summary>
    /// Fills tables[i·length .. (i + 1)·length) with the odd multiples of points[i], for four points,
    /// each as lanes (Y − X, Y + X, 2Z, 2d·T).
    /// </summary>
    internal static void Fill(ReadOnlySpan<EdwardsPoint> points, Span<FieldElement4> tables, int length)
    {
        var d2 = FieldElement4.Broadcast(FieldElement.D2);
        var x = FieldElement4.FromLanes(points[0].X, points[1].X, points[2].X, points[3].X);
        var y = FieldElement4.FromLanes(points[0].Y, points[1].Y, points[2].Y, points[3].Y);
        var z = FieldElement4.FromLanes(points[0].Z, points[1].Z, points[2].Z, points[3].Z);
        var t = FieldElement4.FromLanes(points[0].T, points[1].T, points[2].T, points[3].T);

        // 2P in projective Niels form: doubling (dbl-2008-hwcd), completed → extended, then cache.
        var xx = x.Square();
        var yy = y.Square();
        var zz = z.Square();
        var zz2 = zz + zz;
        var xPlusYSquared = (x + y).Square();
        var yyPlusXx = yy + xx;
        var yyMinusXx = yy - xx;
        var cx = xPlusYSquared - yyPlusXx;
        var cy = yyPlusXx;
        var cz = yyMinusXx;
        var ct = zz2 - yyMinusXx;
        var dx = cx * ct;
        var dy = cy * cz;
        var dz = cz * ct;
        var dt = cx * cy;
        var twiceYPlusX = dy + dx;
        var twiceYMinusX = dy - dx;
        var twiceZ = dz;
        var twiceT2d = dt * d2;

        Store(tables, length, 0, y - x, y + x, z + z, t * d2);
        for (int j = 1; j < length; j++)
        {
            // multiple += 2P (add-2008-hwcd-3), completed → extended.
            var pp = (y + x) * twiceYPlusX;
            var mm = (y - x) * twiceYMinusX;
            var tt2d = t * twiceT2d;
            var zzq = z * twiceZ;
            var zzq2 = zzq + zzq;
            var ex = pp - mm;
            var ey = pp + mm;
            var ez = zzq2 + tt2d;
            var et = zzq2 - tt2d;
            x = ex * et;
            y = ey * ez;
            z = ez * et;
            t = ex * ey;
            Store(tables, length, j, y - x, y + x, z + z, t * d2);
        }
    }

    private static void Store(Span<FieldElement4> tables, int length, int index, in FieldElement4 yMinusX, in FieldElement4 yPlusX, in FieldElement4 twoZ, in FieldElement4 t2d)
    {
        // Lanes are points here and coordinates in the cached form: one 4×4 transpose per limb.
        FieldElement4.Transpose(yMinusX, yPlusX, twoZ, t2d, out tables[index], out tables[length + index], out tables[(2 * length) + index], out tables[(3 * length) + index]);
    }
}
