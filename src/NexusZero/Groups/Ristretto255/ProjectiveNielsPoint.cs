namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// A point cached for repeated use as the right operand of an addition: (Y + X, Y − X, Z, 2d·T).
/// Precomputed tables of variable points hold this form.
/// </summary>
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
    /// read, the wanted one kept with masks, then conditionally negated.
    /// </summary>
    internal static ProjectiveNielsPoint Lookup(ReadOnlySpan<ProjectiveNielsPoint> table, sbyte digit)
    {
        ulong negative = (ulong)(byte)digit >> 7;
        ulong abs = (ulong)(digit - ((-(int)negative & digit) << 1));
        var result = Identity;
        for (int j = 0; j < table.Length; j++)
        {
            ulong diff = abs ^ (ulong)(j + 1);
            ulong isEqual = ((diff | (0 - diff)) >> 63) ^ 1;
            result.ConditionalAssign(table[j], isEqual);
        }

        result.ConditionalNegate(negative);
        return result;
    }
}
