namespace NexusZero.Groups.Bn254;

/// <summary>
/// A point in Jacobian coordinates (X : Y : Z), x = X/Z², y = Y/Z³, identity Z = 0, with the cheapest known
/// a = 0 formulas: mixed addition with an affine point (madd-2007-bl, 7M + 4S), general addition
/// (add-2007-bl, 11M + 5S) and doubling (dbl-2009-l, 2M + 5S), against 12M + 2·(multiplication by 3b) for
/// the complete projective formulas.
/// <para>
/// <b>Variable time.</b> The formulas are incomplete, so the code branches on the identity and on equal or
/// opposite operands. It exists for <see cref="Pippenger"/>, whose bucket accesses already depend on the
/// scalars; constant-time scalar multiplication stays on <see cref="ProjectivePoint{TField, TCurve}"/>.
/// </para>
/// </summary>
internal readonly struct JacobianPoint<TField, TCurve>
    where TField : struct, IBn254Field<TField>
    where TCurve : struct, ICurveEquation<TField>
{
    public readonly TField X;
    public readonly TField Y;
    public readonly TField Z;

    public JacobianPoint(TField x, TField y, TField z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static JacobianPoint<TField, TCurve> Identity => new(TField.One, TField.One, TField.Zero);

    public bool IsIdentity => Z.IsZero;

    /// <summary>The same point in homogeneous projective coordinates: (X·Z : Y : Z³).</summary>
    public ProjectivePoint<TField, TCurve> ToProjective() =>
        IsIdentity ? ProjectivePoint<TField, TCurve>.Identity : new(X * Z, Y, Z.Square() * Z);

    /// <summary>this + (x, y) for an affine point that is not the identity.</summary>
    public JacobianPoint<TField, TCurve> AddAffine(in TField x, in TField y)
    {
        if (IsIdentity)
        {
            return new(x, y, TField.One);
        }

        var z1z1 = Z.Square();
        var u2 = x * z1z1;
        var s2 = y * Z * z1z1;
        var h = u2 - X;
        var r = s2 - Y;
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Identity;
        }

        r += r;
        var hh = h.Square();
        var i = hh + hh;
        i += i;
        var j = h * i;
        var v = X * i;
        var x3 = r.Square() - j - (v + v);
        var yj = Y * j;
        var y3 = (r * (v - x3)) - (yj + yj);
        var z3 = (Z + h).Square() - z1z1 - hh;
        return new(x3, y3, z3);
    }

    /// <summary>this + other.</summary>
    public JacobianPoint<TField, TCurve> Add(in JacobianPoint<TField, TCurve> other)
    {
        if (IsIdentity)
        {
            return other;
        }

        if (other.IsIdentity)
        {
            return this;
        }

        var z1z1 = Z.Square();
        var z2z2 = other.Z.Square();
        var u1 = X * z2z2;
        var u2 = other.X * z1z1;
        var s1 = Y * other.Z * z2z2;
        var s2 = other.Y * Z * z1z1;
        var h = u2 - u1;
        var r = s2 - s1;
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Identity;
        }

        r += r;
        var i = (h + h).Square();
        var j = h * i;
        var v = u1 * i;
        var x3 = r.Square() - j - (v + v);
        var s1j = s1 * j;
        var y3 = (r * (v - x3)) - (s1j + s1j);
        var z3 = ((Z + other.Z).Square() - z1z1 - z2z2) * h;
        return new(x3, y3, z3);
    }

    /// <summary>2·this.</summary>
    public JacobianPoint<TField, TCurve> Double()
    {
        if (IsIdentity)
        {
            return this;
        }

        var a = X.Square();
        var b = Y.Square();
        var c = b.Square();
        var d = (X + b).Square() - a - c;
        d += d;
        var e = a + a + a;
        var f = e.Square();
        var x3 = f - (d + d);
        var c8 = c + c;
        c8 += c8;
        c8 += c8;
        var y3 = (e * (d - x3)) - c8;
        var yz = Y * Z;
        return new(x3, y3, yz + yz);
    }

    public JacobianPoint<TField, TCurve> Negate() => new(X, -Y, Z);
}
