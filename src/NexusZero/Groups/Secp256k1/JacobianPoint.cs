namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// A secp256k1 point in Jacobian coordinates (X : Y : Z), affine (X/Z², Y/Z³), identity Z = 0, with
/// the a = 0 formulas of the Explicit-Formulas Database: doubling dbl-2009-l (3M + 4S as written
/// here) and mixed addition madd-2007-bl (8M + 3S), against 6M + 2S and 12M for the complete projective formulas.
/// These formulas are not complete, so <see cref="AddAffine"/> branches on the exceptional cases:
/// variable time, for verifiers' public values only.
/// </summary>
internal struct JacobianPoint
{
    public FieldElement X, Y, Z;

    public JacobianPoint(in FieldElement x, in FieldElement y, in FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static JacobianPoint Identity => new(FieldElement.One, FieldElement.One, FieldElement.Zero);

    public static JacobianPoint FromAffine(in AffinePoint p) => new(p.X, p.Y, FieldElement.One);

    public readonly bool IsIdentity => Z.IsZeroBit() == 1;

    /// <summary>The same point in homogeneous projective coordinates: (X·Z : Y : Z³).</summary>
    public readonly ProjectivePoint ToProjective()
    {
        if (IsIdentity)
        {
            return ProjectivePoint.Identity;
        }

        var zz = FieldElement.Square(Z);
        return new ProjectivePoint(FieldElement.Multiply(X, Z), Y, FieldElement.Multiply(zz, Z));
    }

    /// <summary>2P. The identity doubles to itself (Z stays 0); secp256k1 has no point with y = 0.</summary>
    public static JacobianPoint Double(in JacobianPoint p)
    {
        var a = FieldElement.Square(p.X);
        var b = FieldElement.Square(p.Y);
        var c = FieldElement.Square(b);
        // D = 2·((X + B)² − A − C) = 4·X·B: a multiplication costs little more than a squaring here,
        // and additions are not free (they reduce fully), so the direct form is cheaper.
        var d = FieldElement.Multiply(p.X, b);
        d = FieldElement.Add(d, d);
        d = FieldElement.Add(d, d);
        var e = FieldElement.Add(FieldElement.Add(a, a), a);
        var f = FieldElement.Square(e);
        var x3 = FieldElement.Subtract(f, FieldElement.Add(d, d));
        var c8 = FieldElement.Add(c, c);
        c8 = FieldElement.Add(c8, c8);
        c8 = FieldElement.Add(c8, c8);
        var y3 = FieldElement.Subtract(FieldElement.Multiply(e, FieldElement.Subtract(d, x3)), c8);
        var yz = FieldElement.Multiply(p.Y, p.Z);
        return new JacobianPoint(x3, y3, FieldElement.Add(yz, yz));
    }

    /// <summary>P + Q for an affine Q, including P = identity, P = Q and P = −Q.</summary>
    public static JacobianPoint AddAffine(in JacobianPoint p, in AffinePoint q)
    {
        if (p.IsIdentity)
        {
            return FromAffine(q);
        }

        var z1z1 = FieldElement.Square(p.Z);
        var u2 = FieldElement.Multiply(q.X, z1z1);
        var s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(p.Z, z1z1));
        var h = FieldElement.Subtract(u2, p.X);
        var r = FieldElement.Subtract(s2, p.Y);
        if (h.IsZeroBit() == 1)
        {
            // Same x: either the same point (double it) or its negation (the sum is the identity).
            return r.IsZeroBit() == 1 ? Double(p) : Identity;
        }

        var hh = FieldElement.Square(h);
        var i = FieldElement.Add(hh, hh);
        i = FieldElement.Add(i, i);
        var j = FieldElement.Multiply(h, i);
        r = FieldElement.Add(r, r);
        var v = FieldElement.Multiply(p.X, i);
        var x3 = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(r), j), FieldElement.Add(v, v));
        var yj = FieldElement.Multiply(p.Y, j);
        var y3 = FieldElement.Subtract(FieldElement.Multiply(r, FieldElement.Subtract(v, x3)), FieldElement.Add(yj, yj));
        var z3 = FieldElement.Multiply(p.Z, h);
        z3 = FieldElement.Add(z3, z3);
        return new JacobianPoint(x3, y3, z3);
    }
}
