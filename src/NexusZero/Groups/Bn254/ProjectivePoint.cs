namespace NexusZero.Groups.Bn254;

/// <summary>
/// A point in homogeneous projective coordinates (X : Y : Z), x = X/Z, y = Y/Z, identity (0 : 1 : 0),
/// on y² = x³ + b. Addition and doubling use the complete formulas of Renes, Costello and Batina
/// (EUROCRYPT 2016, algorithms 7 and 9 for a = 0): one code path for every input pair, identity and
/// equal points included, so scalar multiplication needs no branches. Neither BN254 group has a
/// point of order 2, the formulas' only exception.
/// </summary>
internal readonly struct ProjectivePoint<TField, TCurve> : IEquatable<ProjectivePoint<TField, TCurve>>
    where TField : struct, IBn254Field<TField>
    where TCurve : struct, ICurveEquation<TField>
{
    public readonly TField X;
    public readonly TField Y;
    public readonly TField Z;

    public ProjectivePoint(TField x, TField y, TField z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static ProjectivePoint<TField, TCurve> Identity => new(TField.Zero, TField.One, TField.Zero);

    public bool IsIdentity => Z.IsZero;

    public static ProjectivePoint<TField, TCurve> FromAffine(in AffinePoint<TField> point) =>
        point.IsInfinity ? Identity : new(point.X, point.Y, TField.One);

    /// <summary>Y²Z = X³ + b·Z³; true for the identity.</summary>
    public bool IsOnCurve()
    {
        var z2 = Z.Square();
        var left = Y.Square() * Z;
        var right = (X.Square() * X) + (TCurve.B * z2 * Z);
        return TField.EqualMask(left, right) != 0;
    }

    public AffinePoint<TField> ToAffine()
    {
        if (IsIdentity)
        {
            return AffinePoint<TField>.Infinity;
        }

        var inverse = Z.Invert();
        return new(X * inverse, Y * inverse, false);
    }

    public ProjectivePoint<TField, TCurve> Negate() => new(X, -Y, Z);

    public static ProjectivePoint<TField, TCurve> operator -(ProjectivePoint<TField, TCurve> a) => a.Negate();

    public static ProjectivePoint<TField, TCurve> operator +(ProjectivePoint<TField, TCurve> a, ProjectivePoint<TField, TCurve> b) => a.Add(b);

    public static ProjectivePoint<TField, TCurve> operator -(ProjectivePoint<TField, TCurve> a, ProjectivePoint<TField, TCurve> b) => a.Add(b.Negate());

    /// <summary>Complete addition (RCB algorithm 7).</summary>
    public ProjectivePoint<TField, TCurve> Add(in ProjectivePoint<TField, TCurve> other)
    {
        var b3 = TCurve.B3;
        var t0 = X * other.X;
        var t1 = Y * other.Y;
        var t2 = Z * other.Z;
        var t3 = (X + Y) * (other.X + other.Y);
        t3 -= t0 + t1;
        var t4 = (Y + Z) * (other.Y + other.Z);
        t4 -= t1 + t2;
        var y3 = (X + Z) * (other.X + other.Z);
        y3 -= t0 + t2;
        var x3 = t0 + t0;
        t0 = x3 + t0;
        t2 = b3 * t2;
        var z3 = t1 + t2;
        t1 -= t2;
        y3 = b3 * y3;
        x3 = (t3 * t1) - (t4 * y3);
        y3 = (y3 * t0) + (t1 * z3);
        z3 = (z3 * t4) + (t0 * t3);
        return new(x3, y3, z3);
    }

    /// <summary>Complete doubling (RCB algorithm 9).</summary>
    public ProjectivePoint<TField, TCurve> Double()
    {
        var b3 = TCurve.B3;
        var t0 = Y.Square();
        var z3 = t0 + t0;
        z3 += z3;
        z3 += z3;
        var t1 = Y * Z;
        var t2 = b3 * Z.Square();
        var x3 = t2 * z3;
        var y3 = t0 + t2;
        z3 = t1 * z3;
        t1 = t2 + t2;
        t2 = t1 + t2;
        t0 -= t2;
        y3 = (t0 * y3) + x3;
        t1 = X * Y;
        x3 = t0 * t1;
        x3 += x3;
        return new(x3, y3, z3);
    }

    /// <summary>
    /// k·P in constant time for a secret scalar: a fixed 4-bit window over all 256 bits, the table
    /// entry chosen by scanning every entry with masks.
    /// </summary>
    public ProjectivePoint<TField, TCurve> Multiply(in Fr scalar) => MultiplyLimbs(scalar.ToCanonical());

    /// <summary>k·P for any 256-bit k, in constant time (the subgroup check uses k = r).</summary>
    public ProjectivePoint<TField, TCurve> MultiplyLimbs(in Limbs256 k)
    {
        var table = new ProjectivePoint<TField, TCurve>[16];
        table[0] = Identity;
        table[1] = this;
        for (var i = 2; i < 16; i++)
        {
            table[i] = table[i - 1].Add(this);
        }

        var result = Identity;
        for (var window = 63; window >= 0; window--)
        {
            result = result.Double().Double().Double().Double();
            var digit = (k[window >> 4] >> ((window & 15) * 4)) & 15;
            var chosen = Identity;
            for (ulong j = 0; j < 16; j++)
            {
                var mask = Secp256k1.WordArithmetic.MaskFromBit(Secp256k1.WordArithmetic.IsZeroBit(j ^ digit));
                chosen = Select(chosen, table[(int)j], mask);
            }

            result = result.Add(chosen);
        }

        return result;
    }

    public static ProjectivePoint<TField, TCurve> Select(in ProjectivePoint<TField, TCurve> a, in ProjectivePoint<TField, TCurve> b, ulong mask) =>
        new(TField.Select(a.X, b.X, mask), TField.Select(a.Y, b.Y, mask), TField.Select(a.Z, b.Z, mask));

    /// <summary>Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1.</summary>
    public bool Equals(ProjectivePoint<TField, TCurve> other) =>
        (TField.EqualMask(X * other.Z, other.X * Z) & TField.EqualMask(Y * other.Z, other.Y * Z)) != 0;

    public override bool Equals(object? obj) => obj is ProjectivePoint<TField, TCurve> other && Equals(other);

    public override int GetHashCode() => ToAffine().GetHashCode();

    public static bool operator ==(ProjectivePoint<TField, TCurve> a, ProjectivePoint<TField, TCurve> b) => a.Equals(b);

    public static bool operator !=(ProjectivePoint<TField, TCurve> a, ProjectivePoint<TField, TCurve> b) => !a.Equals(b);
}
