using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// A point in projective coordinates (X : Y : Z), x = X/Z, y = Y/Z: extended coordinates without T,
/// which doubling does not need. Used inside doubling chains.
/// </summary>
[SkipLocalsInit]
internal struct ProjectivePoint
{
    internal FieldElement X;
    internal FieldElement Y;
    internal FieldElement Z;

    internal ProjectivePoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (0 : 1 : 1).</summary>
    internal static ProjectivePoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One);

    /// <summary>To extended coordinates (X·Z : Y·Z : Z² : X·Y).</summary>
    internal readonly EdwardsPoint ToExtended() => new(X * Z, Y * Z, Z.Square(), X * Y);

    /// <summary>2·this (dbl-2008-hwcd with a = −1): 4 squarings, result in completed form.</summary>
    internal readonly CompletedPoint Double()
    {
        var xx = X.Square();
        var yy = Y.Square();
        var zz2 = Z.SquareDouble();
        var xPlusY = X + Y;
        var xPlusYSquared = xPlusY.Square();
        var yyPlusXx = yy + xx;
        // Uncarried (limbs below 2^54): multiplied by ToExtended/ToProjective, and the last one is the
        // subtrahend of a carrying subtraction, which accepts that.
        var yyMinusXx = FieldElement.SubtractWithoutCarry(yy, xx);
        return new CompletedPoint(FieldElement.SubtractWithoutCarry(xPlusYSquared, yyPlusXx), yyPlusXx, yyMinusXx, zz2 - yyMinusXx);
    }
}
