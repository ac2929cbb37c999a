using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// A point cached for repeated use as the right operand of an addition: (Y + X, Y − X, Z, 2d·T).
/// Precomputed tables of variable points hold this form.
/// </summary>
[SkipLocalsInit]
internal struct ProjectiveNielsPoint
{
    internal FieldElement YPlusX;
    internal FieldElement YMinusX;
    internal FieldElement Z;
    internal FieldElement T2d;

    internal ProjectiveNielsPoint(in FieldElement yPlusX, in FieldElement yMinusX, in FieldElement z, in FieldElement t2d)
    {
        YPlusX = yPlusX;
        YMinusX = yMinusX;
        Z = z;
        T2d = t2d;
    }

    /// <summary>The identity in this form: (1, 1, 1, 0).</summary>
    internal static ProjectiveNielsPoint Identity => new(FieldElement.One, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>Sets this to <paramref name="other"/> when <paramref name="choice"/> is 1 (no branch).</summary>
    internal void ConditionalAssign(in ProjectiveNielsPoint other, ulong choice)
    {
        YPlusX.ConditionalAssign(other.YPlusX, choice);
        YMinusX.ConditionalAssign(other.YMinusX, choice);
        Z.ConditionalAssign(other.Z, choice);
        T2d.ConditionalAssign(other.T2d, choice);
    }

    /// <summary>Negates this when <paramref name="choice"/> is 1: swap Y±X and negate 2d·T (no branch).</summary>
    internal void ConditionalNegate(ulong choice)
    {
        FieldElement.ConditionalSwap(ref YPlusX, ref YMinusX, choice);
        T2d = FieldElement.ConditionalNegate(T2d, choice);
    }

    /// <summary>
    /// Constant-time lookup of digit·P in a table holding 1·P .. n·P, for |digit| ≤ n: every entry is
    /// read and masked in (256-bit vectors, no data-dependent index or branch), then the result is
    /// conditionally negated.
    /// </summary>
    internal static ProjectiveNielsPoint Lookup(ReadOnlySpan<ProjectiveNielsPoint> table, sbyte digit)
    {
        ulong negative = (ulong)(byte)digit >> 7;
        ulong abs = (ulong)(digit - ((-(int)negative & digit) << 1));

        // 20 limbs per entry: five 4-limb vectors.
        var identity = Identity;
        ReadOnlySpan<ulong> id = MemoryMarshal.Cast<ProjectiveNielsPoint, ulong>(new ReadOnlySpan<ProjectiveNielsPoint>(in identity));
        var mask = Vector256.Create(ConstantTime.IsZero(abs) * ulong.MaxValue);
        var v0 = Vector256.Create(id) & mask;
        var v1 = Vector256.Create(id[4..]) & mask;
        var v2 = Vector256.Create(id[8..]) & mask;
        var v3 = Vector256.Create(id[12..]) & mask;
        var v4 = Vector256.Create(id[16..]) & mask;

        ReadOnlySpan<ulong> limbs = MemoryMarshal.Cast<ProjectiveNielsPoint, ulong>(table);
        for (int j = 0; j < table.Length; j++)
        {
            mask = Vector256.Create(ConstantTime.AreEqual(abs, (ulong)(j + 1)) * ulong.MaxValue);
            var entry = limbs.Slice(j * 20, 20);
            v0 |= Vector256.Create(entry) & mask;
            v1 |= Vector256.Create(entry[4..]) & mask;
            v2 |= Vector256.Create(entry[8..]) & mask;
            v3 |= Vector256.Create(entry[12..]) & mask;
            v4 |= Vector256.Create(entry[16..]) & mask;
        }

        var result = default(ProjectiveNielsPoint);
        Span<ulong> r = MemoryMarshal.Cast<ProjectiveNielsPoint, ulong>(new Span<ProjectiveNielsPoint>(ref result));
        v0.CopyTo(r);
        v1.CopyTo(r[4..]);
        v2.CopyTo(r[8..]);
        v3.CopyTo(r[12..]);
        v4.CopyTo(r[16..]);
        result.ConditionalNegate(negative);
        return result;
    }
}
