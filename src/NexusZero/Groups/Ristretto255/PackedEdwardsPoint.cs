using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// One edwards25519 point in extended coordinates with its four coordinates in the four lanes of a
/// <see cref="FieldElement4"/>: (X, Y, Z, T). An addition's four independent multiplications, and the
/// four of the conversion back to extended coordinates, then each take one vector multiplication
/// (the layout of the AVX2 backend described by Hisil, Wong, Carter and Dawson, "Twisted Edwards
/// Curves Revisited", §4, and used by curve25519-dalek).
/// </summary>
/// <remarks>
/// Same formulas as <see cref="CompletedPoint.Add(in EdwardsPoint, in ProjectiveNielsPoint)"/> and
/// <see cref="ProjectivePoint.Double"/> followed by the conversion to extended coordinates, so the
/// results are the same points. Only for callers that checked <see cref="FieldElement4.IsSupported"/>.
/// </remarks>
[SkipLocalsInit]
internal struct PackedEdwardsPoint
{
    private const byte Lane0 = 0x03;
    private const byte Lane1 = 0x0C;
    private const byte Lane3 = 0xC0;

    /// <summary>(X, Y, Z, T).</summary>
    internal FieldElement4 Coordinates;

    internal PackedEdwardsPoint(in FieldElement4 coordinates)
    {
        Coordinates = coordinates;
    }

    /// <summary>The identity (0, 1, 1, 0).</summary>
    internal static PackedEdwardsPoint Identity => new(FieldElement4.FromLanes(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero));

    /// <summary>Packs a scalar point.</summary>
    internal static PackedEdwardsPoint From(in EdwardsPoint point) => new(FieldElement4.FromLanes(point.X, point.Y, point.Z, point.T));

    /// <summary>Unpacks into a scalar point.</summary>
    internal readonly EdwardsPoint ToEdwardsPoint()
    {
        Coordinates.ToLanes(out var x, out var y, out var z, out var t);
        return new EdwardsPoint(x, y, z, t);
    }

    /// <summary>
    /// The cached form of a table entry as an addition's right operand: lanes (Y − X, Y + X, 2Z, 2d·T),
    /// from the scalar projective Niels form (Y + X, Y − X, Z, 2d·T).
    /// </summary>
    internal static FieldElement4 Cached(in ProjectiveNielsPoint q) => FieldElement4.FromLanes(q.YMinusX, q.YPlusX, q.Z + q.Z, q.T2d);

    /// <summary>The cached form of an affine table entry (Z = 1): lanes (y − x, y + x, 2, 2d·x·y).</summary>
    internal static FieldElement4 Cached(in AffineNielsPoint q) => FieldElement4.FromLanes(q.YMinusX, q.YPlusX, FieldElement.One + FieldElement.One, q.XY2d);

    /// <summary>The cached form of −Q from that of Q: swap the first two lanes and negate the last.</summary>
    internal static FieldElement4 NegateCached(in FieldElement4 cached)
    {
        var swapped = cached.Permute(0b11_10_00_01);
        return FieldElement4.Blend(swapped, swapped.NegateLazy(), Lane3);
    }

    /// <summary>this + Q for Q in cached form (add-2008-hwcd-3, a = −1), back in extended coordinates.</summary>
    internal readonly PackedEdwardsPoint Add(in FieldElement4 cached)
    {
        // (Y − X, Y + X, Z, T) from (X, Y, Z, T).
        var p = Coordinates;
        var yyzt = p.Permute(0b11_10_01_01);
        var xx = p.Permute(0b11_10_00_00);
        var signedX = FieldElement4.Blend(xx, xx.NegateLazy(), Lane0);
        var zeroHigh = FieldElement4.Blend(signedX, default, 0xF0);
        var prepared = yyzt + zeroHigh;

        // (A, B, D, C) = ((Y1 − X1)(Y2 − X2), (Y1 + X1)(Y2 + X2), Z1·2Z2, T1·2d·T2).
        var w = prepared * cached;
        var swapped = w.Permute(0b10_11_00_01);
        var sum = w + swapped;          // (H, H, G, G) with H = B + A, G = D + C
        var diff = swapped - w;         // (E, −E, −F, F) with E = B − A, F = D − C

        // X3 = E·F, Y3 = G·H, Z3 = F·G, T3 = E·H.
        var left = FieldElement4.Blend(diff.Permute(0b00_11_00_00), sum.Permute(0b00_00_10_00), Lane1);
        var right = FieldElement4.Blend(diff.Permute(0b00_00_00_11), sum.Permute(0b00_10_00_00), 0xFC);
        return new PackedEdwardsPoint(left * right);
    }

    /// <summary>2·this (dbl-2008-hwcd, a = −1), back in extended coordinates.</summary>
    internal readonly PackedEdwardsPoint Double()
    {
        // (X², Y², Z², (X + Y)²) in one vector squaring; the few additions between run on scalars.
        var p = Coordinates;
        var xyzs = FieldElement4.Blend(p, p.Permute(0b00_00_00_00) + p.Permute(0b01_01_01_01), Lane3);
        xyzs.Square().ToLanes(out var xx, out var yy, out var zz, out var s);
        var cy = yy + xx;
        var cz = yy - xx;
        var cx = s - cy;
        var ct = zz + zz - cz;
        return new PackedEdwardsPoint(FieldElement4.FromLanes(cx, cy, cz, cx) * FieldElement4.FromLanes(ct, cz, ct, cy));
    }
}
