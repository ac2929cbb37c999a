using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// A secp256k1 point in homogeneous projective coordinates (X : Y : Z), affine (X/Z, Y/Z), identity
/// (0 : 1 : 0). Addition and doubling use the complete formulas of Renes, Costello and Batina (2016,
/// algorithms 7 and 9 for a = 0): they are correct for every pair of inputs, identity and equal points
/// included, so constant-time code needs no special cases.
/// </summary>
internal struct ProjectivePoint
{
    /// <summary>3·b for y² = x³ + 7.</summary>
    private const ulong B3 = 21;

    public FieldElement X, Y, Z;

    public ProjectivePoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static ProjectivePoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.Zero);

    /// <summary>The SEC 2 generator G.</summary>
    public static ProjectivePoint Generator => new(
        new FieldElement(0x59F2815B16F81798UL, 0x029BFCDB2DCE28D9UL, 0x55A06295CE870B07UL, 0x79BE667EF9DCBBACUL),
        new FieldElement(0x9C47D08FFB10D4B8UL, 0xFD17B448A6855419UL, 0x5DA4FBFC0E1108A8UL, 0x483ADA7726A3C465UL),
        FieldElement.One);

    public static ProjectivePoint FromAffine(in FieldElement x, in FieldElement y) => new(x, y, FieldElement.One);

    /// <summary>1 for the identity (Z = 0), else 0.</summary>
    public readonly ulong IsIdentityBit() => Z.IsZeroBit();

    /// <summary>True when (x, y) satisfies y² = x³ + 7.</summary>
    public static bool IsOnCurve(in FieldElement x, in FieldElement y)
    {
        var rhs = FieldElement.Add(FieldElement.Multiply(FieldElement.Square(x), x), FieldElement.FromUInt64(7));
        return FieldElement.Square(y).EqualsBit(rhs) == 1;
    }

    public static ProjectivePoint Negate(in ProjectivePoint p) => new(p.X, FieldElement.Negate(p.Y), p.Z);

    /// <summary>Replaces this with <paramref name="other"/> when <paramref name="mask"/> is all ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ConditionalAssign(in ProjectivePoint other, ulong mask)
    {
        X.ConditionalAssign(other.X, mask);
        Y.ConditionalAssign(other.Y, mask);
        Z.ConditionalAssign(other.Z, mask);
    }

    /// <summary>Negates this point when <paramref name="mask"/> is all ones.</summary>
    public void ConditionalNegate(ulong mask) => Y.ConditionalAssign(FieldElement.Negate(Y), mask);

    /// <summary>Complete addition P + Q (RCB16 algorithm 7).</summary>
    public static ProjectivePoint Add(in ProjectivePoint p, in ProjectivePoint q)
    {
        var t0 = FieldElement.Multiply(p.X, q.X);
        var t1 = FieldElement.Multiply(p.Y, q.Y);
        var t2 = FieldElement.Multiply(p.Z, q.Z);
        var t3 = FieldElement.Multiply(FieldElement.Add(p.X, p.Y), FieldElement.Add(q.X, q.Y));
        var t4 = FieldElement.Add(t0, t1);
        t3 = FieldElement.Subtract(t3, t4);
        t4 = FieldElement.Multiply(FieldElement.Add(p.Y, p.Z), FieldElement.Add(q.Y, q.Z));
        var x3 = FieldElement.Add(t1, t2);
        t4 = FieldElement.Subtract(t4, x3);
        x3 = FieldElement.Multiply(FieldElement.Add(p.X, p.Z), FieldElement.Add(q.X, q.Z));
        var y3 = FieldElement.Add(t0, t2);
        y3 = FieldElement.Subtract(x3, y3);
        x3 = FieldElement.Add(t0, t0);
        t0 = FieldElement.Add(x3, t0);
        t2 = FieldElement.MultiplySmall(t2, B3);
        var z3 = FieldElement.Add(t1, t2);
        t1 = FieldElement.Subtract(t1, t2);
        y3 = FieldElement.MultiplySmall(y3, B3);
        x3 = FieldElement.Multiply(t4, y3);
        t2 = FieldElement.Multiply(t3, t1);
        x3 = FieldElement.Subtract(t2, x3);
        y3 = FieldElement.Multiply(y3, t0);
        t1 = FieldElement.Multiply(t1, z3);
        y3 = FieldElement.Add(t1, y3);
        t0 = FieldElement.Multiply(t0, t3);
        z3 = FieldElement.Multiply(z3, t4);
        z3 = FieldElement.Add(z3, t0);
        return new ProjectivePoint(x3, y3, z3);
    }

    /// <summary>Complete doubling 2P (RCB16 algorithm 9).</summary>
    public static ProjectivePoint Double(in ProjectivePoint p)
    {
        var t0 = FieldElement.Square(p.Y);
        var z3 = FieldElement.Add(t0, t0);
        z3 = FieldElement.Add(z3, z3);
        z3 = FieldElement.Add(z3, z3);
        var t1 = FieldElement.Multiply(p.Y, p.Z);
        var t2 = FieldElement.Square(p.Z);
        t2 = FieldElement.MultiplySmall(t2, B3);
        var x3 = FieldElement.Multiply(t2, z3);
        var y3 = FieldElement.Add(t0, t2);
        z3 = FieldElement.Multiply(t1, z3);
        t1 = FieldElement.Add(t2, t2);
        t2 = FieldElement.Add(t1, t2);
        t0 = FieldElement.Subtract(t0, t2);
        y3 = FieldElement.Multiply(t0, y3);
        y3 = FieldElement.Add(x3, y3);
        t1 = FieldElement.Multiply(p.X, p.Y);
        x3 = FieldElement.Multiply(t0, t1);
        x3 = FieldElement.Add(x3, x3);
        return new ProjectivePoint(x3, y3, z3);
    }

    /// <summary>Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1 (handles the identity).</summary>
    public static bool AreEqual(in ProjectivePoint p, in ProjectivePoint q)
    {
        var x = FieldElement.Multiply(p.X, q.Z).EqualsBit(FieldElement.Multiply(q.X, p.Z));
        var y = FieldElement.Multiply(p.Y, q.Z).EqualsBit(FieldElement.Multiply(q.Y, p.Z));
        return (x & y) == 1;
    }

    /// <summary>Affine coordinates; false for the identity.</summary>
    public readonly bool TryToAffine(out FieldElement x, out FieldElement y)
    {
        if (IsIdentityBit() == 1)
        {
            x = default;
            y = default;
            return false;
        }

        var zInverse = FieldElement.Invert(Z);
        x = FieldElement.Multiply(X, zInverse);
        y = FieldElement.Multiply(Y, zInverse);
        return true;
    }
}
