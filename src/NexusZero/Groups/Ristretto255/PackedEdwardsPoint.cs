using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// <remarks>
    /// Between the two vector multiplications only per-limb lane moves and additions, no carry pass:
    /// every multiplication input is lazy, below <see cref="FieldElement4.LazyBound"/> (a weakly
    /// reduced limb plus 2p's limb, or the sum of two weakly reduced limbs), and so is
    /// <paramref name="cached"/> (weakly reduced, or 2p minus weakly reduced in a negated entry).
    /// </remarks>
    internal readonly PackedEdwardsPoint Add(in FieldElement4 cached)
    {
        ref readonly var p = ref Coordinates;
        var prepared = default(FieldElement4);
        prepared.L0 = Prepare(p.L0, FieldElement4.TwoP0); prepared.L1 = Prepare(p.L1, FieldElement4.TwoPOdd);
        prepared.L2 = Prepare(p.L2, FieldElement4.TwoPEven); prepared.L3 = Prepare(p.L3, FieldElement4.TwoPOdd);
        prepared.L4 = Prepare(p.L4, FieldElement4.TwoPEven); prepared.L5 = Prepare(p.L5, FieldElement4.TwoPOdd);
        prepared.L6 = Prepare(p.L6, FieldElement4.TwoPEven); prepared.L7 = Prepare(p.L7, FieldElement4.TwoPOdd);
        prepared.L8 = Prepare(p.L8, FieldElement4.TwoPEven); prepared.L9 = Prepare(p.L9, FieldElement4.TwoPOdd);

        // (A, B, D, C) = ((Y1 − X1)(Y2 − X2), (Y1 + X1)(Y2 + X2), Z1·2Z2, T1·2d·T2).
        var w = prepared * cached;
        var left = default(FieldElement4);
        var right = default(FieldElement4);
        Spread(w.L0, FieldElement4.TwoP0, out left.L0, out right.L0); Spread(w.L1, FieldElement4.TwoPOdd, out left.L1, out right.L1);
        Spread(w.L2, FieldElement4.TwoPEven, out left.L2, out right.L2); Spread(w.L3, FieldElement4.TwoPOdd, out left.L3, out right.L3);
        Spread(w.L4, FieldElement4.TwoPEven, out left.L4, out right.L4); Spread(w.L5, FieldElement4.TwoPOdd, out left.L5, out right.L5);
        Spread(w.L6, FieldElement4.TwoPEven, out left.L6, out right.L6); Spread(w.L7, FieldElement4.TwoPOdd, out left.L7, out right.L7);
        Spread(w.L8, FieldElement4.TwoPEven, out left.L8, out right.L8); Spread(w.L9, FieldElement4.TwoPOdd, out left.L9, out right.L9);
        return new PackedEdwardsPoint(left * right);
    }

    /// <summary>2·this (dbl-2008-hwcd, a = −1), back in extended coordinates.</summary>
    /// <remarks>
    /// All in lanes: (X², Y², Z², (X + Y)²) in one squaring of a lazy input, then
    /// (C_X, C_Y, C_Z, C_T) = ((X + Y)² + 4p − Y² − X², Y² + X², Y² + 2p − X², 2Z² + 2p − Y² + X²) by
    /// lane moves and sign blends, one carry pass (lane 0 and 3 exceed the lazy bound), and one
    /// multiplication (C_X, C_Y, C_Z, C_X)·(C_T, C_Z, C_T, C_Y).
    /// </remarks>
    internal readonly PackedEdwardsPoint Double()
    {
        ref readonly var p = ref Coordinates;
        var xyzs = default(FieldElement4);
        xyzs.L0 = WithSum(p.L0); xyzs.L1 = WithSum(p.L1); xyzs.L2 = WithSum(p.L2); xyzs.L3 = WithSum(p.L3); xyzs.L4 = WithSum(p.L4);
        xyzs.L5 = WithSum(p.L5); xyzs.L6 = WithSum(p.L6); xyzs.L7 = WithSum(p.L7); xyzs.L8 = WithSum(p.L8); xyzs.L9 = WithSum(p.L9);
        var sq = xyzs.Square();
        var c = default(FieldElement4);
        c.L0 = Completed(sq.L0, FieldElement4.TwoP0); c.L1 = Completed(sq.L1, FieldElement4.TwoPOdd);
        c.L2 = Completed(sq.L2, FieldElement4.TwoPEven); c.L3 = Completed(sq.L3, FieldElement4.TwoPOdd);
        c.L4 = Completed(sq.L4, FieldElement4.TwoPEven); c.L5 = Completed(sq.L5, FieldElement4.TwoPOdd);
        c.L6 = Completed(sq.L6, FieldElement4.TwoPEven); c.L7 = Completed(sq.L7, FieldElement4.TwoPOdd);
        c.L8 = Completed(sq.L8, FieldElement4.TwoPEven); c.L9 = Completed(sq.L9, FieldElement4.TwoPOdd);
        c = c.Reduce();
        return new PackedEdwardsPoint(c.Permute(0b00_10_01_00) * c.Permute(0b01_11_10_11));
    }

    /// <summary>One limb of (Y + 2p − X, Y + X, Z, T) from one limb of (X, Y, Z, T).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Prepare(Vector256<ulong> v, Vector256<ulong> twoP)
    {
        var yyzt = Avx2.Permute4x64(v, 0b11_10_01_01);
        var xxxx = Avx2.Permute4x64(v, 0b00_00_00_00);
        var signedX = Avx2.Blend((twoP - xxxx).AsUInt32(), xxxx.AsUInt32(), Lane1).AsUInt64();
        return Avx2.Blend((yyzt + signedX).AsUInt32(), v.AsUInt32(), 0xF0).AsUInt64();
    }

    /// <summary>
    /// One limb of the operands (E, G, F, E) and (F, H, G, H) from one limb of (A, B, D, C):
    /// t = (B, A, C, D) + (2p − A, B, D, 2p − C) = (E, H, G, F), then two lane moves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Spread(Vector256<ulong> w, Vector256<ulong> twoP, out Vector256<ulong> left, out Vector256<ulong> right)
    {
        var swapped = Avx2.Permute4x64(w, 0b10_11_00_01);
        var t = swapped + Avx2.Blend(w.AsUInt32(), (twoP - w).AsUInt32(), Lane0 | Lane3).AsUInt64();
        left = Avx2.Permute4x64(t, 0b00_11_10_00);
        right = Avx2.Permute4x64(t, 0b01_10_01_11);
    }

    /// <summary>One limb of (X, Y, Z, X + Y) from one limb of (X, Y, Z, T).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> WithSum(Vector256<ulong> v)
    {
        var sum = Avx2.Permute4x64(v, 0b00_00_00_00) + Avx2.Permute4x64(v, 0b01_01_01_01);
        return Avx2.Blend(v.AsUInt32(), sum.AsUInt32(), Lane3).AsUInt64();
    }

    /// <summary>One limb of the unreduced (C_X, C_Y, C_Z, C_T) from one limb of (X², Y², Z², (X + Y)²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Completed(Vector256<ulong> sq, Vector256<ulong> twoP)
    {
        var xx = Avx2.Permute4x64(sq, 0b00_00_00_00);
        var yy = Avx2.Permute4x64(sq, 0b01_01_01_01);
        var both = Avx2.Blend((yy + xx).AsUInt32(), (yy + twoP - xx).AsUInt32(), 0xF0).AsUInt64();
        var signed = Avx2.Blend(both.AsUInt32(), (twoP + twoP - both).AsUInt32(), Lane0 | Lane3).AsUInt64();
        var sOrZ = Avx2.Permute4x64(sq, 0b10_00_00_11) & Vector256.Create(ulong.MaxValue, 0, 0, ulong.MaxValue);
        return signed + Avx2.ShiftLeftLogicalVariable(sOrZ, Vector256.Create(0UL, 0, 0, 1));
    }
}
