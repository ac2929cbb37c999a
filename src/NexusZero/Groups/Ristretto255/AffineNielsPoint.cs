using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An affine point cached for mixed addition: (y + x, y − x, 2d·x·y). The fixed base-point tables
/// hold this form (one multiplication cheaper per addition, 3 field elements instead of 4).
/// </summary>
[SkipLocalsInit]
internal struct AffineNielsPoint
{
    internal FieldElement YPlusX;
    internal FieldElement YMinusX;
    internal FieldElement XY2d;

    internal AffineNielsPoint(in FieldElement yPlusX, in FieldElement yMinusX, in FieldElement xy2d)
    {
        YPlusX = yPlusX;
        YMinusX = yMinusX;
        XY2d = xy2d;
    }

    /// <summary>The identity in this form: (1, 1, 0).</summary>
    internal static AffineNielsPoint Identity => new(FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>Sets this to <paramref name="other"/> when <paramref name="choice"/> is 1 (no branch).</summary>
    internal void ConditionalAssign(in AffineNielsPoint other, ulong choice)
    {
        YPlusX.ConditionalAssign(other.YPlusX, choice);
        YMinusX.ConditionalAssign(other.YMinusX, choice);
        XY2d.ConditionalAssign(other.XY2d, choice);
    }

    /// <summary>Negates this when <paramref name="choice"/> is 1 (no branch).</summary>
    internal void ConditionalNegate(ulong choice)
    {
        FieldElement.ConditionalSwap(ref YPlusX, ref YMinusX, choice);
        XY2d = FieldElement.ConditionalNegate(XY2d, choice);
    }

    /// <summary>
    /// Constant-time lookup of digit·P in a table holding 1·P .. n·P, for |digit| ≤ n: every entry is
    /// read and masked in (256-bit vectors, no data-dependent index or branch), then the result is
    /// conditionally negated.
    /// </summary>
    internal static AffineNielsPoint Lookup(ReadOnlySpan<AffineNielsPoint> table, sbyte digit)
    {
        ulong negative = (ulong)(byte)digit >> 7;
        ulong abs = (ulong)(digit - ((-(int)negative & digit) << 1));

        // 15 limbs per entry, covered by vectors at limb offsets 0, 4, 8 and 11 (the last two overlap).
        var identity = Identity;
        ReadOnlySpan<ulong> id = MemoryMarshal.Cast<AffineNielsPoint, ulong>(new ReadOnlySpan<AffineNielsPoint>(in identity));
        var mask = Vector256.Create(ConstantTime.IsZero(abs) * ulong.MaxValue);
        var v0 = Vector256.Create(id) & mask;
        var v1 = Vector256.Create(id[4..]) & mask;
        var v2 = Vector256.Create(id[8..]) & mask;
        var v3 = Vector256.Create(id[11..]) & mask;

        ReadOnlySpan<ulong> limbs = MemoryMarshal.Cast<AffineNielsPoint, ulong>(table);
        for (int j = 0; j < table.Length; j++)
        {
            mask = Vector256.Create(ConstantTime.AreEqual(abs, (ulong)(j + 1)) * ulong.MaxValue);
            var entry = limbs.Slice(j * 15, 15);
            v0 |= Vector256.Create(entry) & mask;
            v1 |= Vector256.Create(entry[4..]) & mask;
            v2 |= Vector256.Create(entry[8..]) & mask;
            v3 |= Vector256.Create(entry[11..]) & mask;
        }

        var result = default(AffineNielsPoint);
        Span<ulong> r = MemoryMarshal.Cast<AffineNielsPoint, ulong>(new Span<AffineNielsPoint>(ref result));
        v0.CopyTo(r);
        v1.CopyTo(r[4..]);
        v2.CopyTo(r[8..]);
        v3.CopyTo(r[11..]);
        result.ConditionalNegate(negative);
        return result;
    }
}
