namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An affine point cached for mixed addition: (y + x, y − x, 2d·x·y). The fixed base-point tables
/// hold this form (one multiplication cheaper per addition, 3 field elements instead of 4).
/// </summary>
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

    /// <summary>Constant-time lookup of digit·P in a table holding 1·P .. n·P, for |digit| ≤ n.</summary>
    internal static AffineNielsPoint Lookup(ReadOnlySpan<AffineNielsPoint> table, sbyte digit)
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
