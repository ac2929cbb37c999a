namespace NexusZero.Groups.Bn254;

/// <summary>
/// The Miller loop of the optimal ate pairing on BN254 (Vercauteren 2010): f_{6x+2,Q}(P) times the
/// lines through ψ(Q) and −ψ²(Q), with x = 4965661367192848881. G2 runs in homogeneous projective
/// coordinates with the doubling and addition formulas of Costello, Lange and Naehrig ("Faster
/// pairing computations on curves with high-degree twists", PKC 2010) as Aranha et al. give them for
/// a D-type twist (eprint 2013/722, formulas 3 and 4); each line l = c0·yP + c1·xP·w + c2·w³ is
/// a sparse Fp12 element. Factors in proper subfields the formulas leave out vanish in the final
/// exponentiation. Points are public: the loop is variable-time.
/// </summary>
internal static class MillerLoop
{
    /// <summary>The BN parameter x.</summary>
    public const ulong X = 4965661367192848881UL;

    /// <summary>6x + 2 in non-adjacent form, least significant digit first.</summary>
    private static readonly sbyte[] LoopDigits = NonAdjacentForm(((UInt128)X * 6) + 2);

    private static readonly Fp TwoInverse = Fp.FromUInt64(2).Invert();

    /// <summary>∏ f_i over the pairs, sharing the squarings; pairs with a point at infinity contribute 1.</summary>
    public static Fp12 Evaluate(ReadOnlySpan<(AffinePoint<Fp> P, AffinePoint<Fp2> Q)> pairs)
    {
        var prepared = new (AffinePoint<Fp> P, PreparedG2 Q)[pairs.Length];
        for (var k = 0; k < pairs.Length; k++)
        {
            prepared[k] = (pairs[k].P, PreparedG2.From(pairs[k].Q));
        }

        return Evaluate(prepared);
    }

    /// <summary>
    /// ∏ f_i over pairs whose G2 points come with their line coefficients already computed, so only the Fp12
    /// work remains: a verifier prepares its key's fixed G2 points once.
    /// </summary>
    public static Fp12 Evaluate(ReadOnlySpan<(AffinePoint<Fp> P, PreparedG2 Q)> pairs)
    {
        var active = new List<(AffinePoint<Fp> P, PreparedG2 Q)>(pairs.Length);
        foreach (var pair in pairs)
        {
            if (!pair.P.IsInfinity && !pair.Q.IsInfinity)
            {
                active.Add(pair);
            }
        }

        var f = Fp12.One;
        if (active.Count == 0)
        {
            return f;
        }

        // Every prepared point holds its lines in the same order (the loop's steps), so one index serves all.
        var line = 0;
        for (var i = LoopDigits.Length - 2; i >= 0; i--)
        {
            f = f.Square();
            var steps = LoopDigits[i] != 0 ? 2 : 1;
            for (var k = 0; k < active.Count; k++)
            {
                for (var step = 0; step < steps; step++)
                {
                    f = Multiply(f, active[k].Q.Lines[line + step], active[k].P);
                }
            }

            line += steps;
        }

        for (var k = 0; k < active.Count; k++)
        {
            f = Multiply(f, active[k].Q.Lines[line], active[k].P);
            f = Multiply(f, active[k].Q.Lines[line + 1], active[k].P);
        }

        return f;
    }

    /// <summary>The line coefficients of the loop for Q, in the order <see cref="Evaluate(ReadOnlySpan{ValueTuple{AffinePoint{Fp}, PreparedG2}})"/> consumes them.</summary>
    internal static (Fp2 C0, Fp2 C1, Fp2 C2)[] Lines(AffinePoint<Fp2> q)
    {
        var lines = new List<(Fp2 C0, Fp2 C1, Fp2 C2)>(LoopDigits.Length + 32);
        var r = (q.X, q.Y, Fp2.One);
        for (var i = LoopDigits.Length - 2; i >= 0; i--)
        {
            lines.Add(DoublingStep(ref r));
            var digit = LoopDigits[i];
            if (digit != 0)
            {
                lines.Add(AdditionStep(ref r, q.X, digit > 0 ? q.Y : -q.Y));
            }
        }

        var (q1x, q1y) = Psi(q.X, q.Y);
        var (q2x, q2y) = Psi(q1x, q1y);
        lines.Add(AdditionStep(ref r, q1x, q1y));
        lines.Add(AdditionStep(ref r, q2x, -q2y));
        return [.. lines];
    }

    /// <summary>The twist's Frobenius endomorphism ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)).</summary>
    private static (Fp2 X, Fp2 Y) Psi(Fp2 x, Fp2 y) =>
        (x.Conjugate() * FrobeniusConstants.Gamma[2], y.Conjugate() * FrobeniusConstants.Gamma[3]);

    /// <summary>R ← 2R, returning the tangent line's coefficients.</summary>
    private static (Fp2 C0, Fp2 C1, Fp2 C2) DoublingStep(ref (Fp2 X, Fp2 Y, Fp2 Z) r)
    {
        var a = (r.X * r.Y).MultiplyBy(TwoInverse);
        var b = r.Y.Square();
        var c = r.Z.Square();
        var e = G2Curve.B * (c.Double() + c);
        var f = e.Double() + e;
        var g = (b + f).MultiplyBy(TwoInverse);
        var h = (r.Y + r.Z).Square() - (b + c);
        var i = e - b;
        var j = r.X.Square();
        var eSquared = e.Square();
        r.X = a * (b - f);
        r.Y = g.Square() - (eSquared.Double() + eSquared);
        r.Z = b * h;
        return (-h, j.Double() + j, i);
    }

    /// <summary>R ← R + (qx, qy), returning the chord's coefficients.</summary>
    private static (Fp2 C0, Fp2 C1, Fp2 C2) AdditionStep(ref (Fp2 X, Fp2 Y, Fp2 Z) r, Fp2 qx, Fp2 qy)
    {
        var theta = r.Y - (qy * r.Z);
        var lambda = r.X - (qx * r.Z);
        var c = theta.Square();
        var d = lambda.Square();
        var e = lambda * d;
        var f = r.Z * c;
        var g = r.X * d;
        var h = e + f - g.Double();
        r.X = lambda * h;
        r.Y = (theta * (g - h)) - (e * r.Y);
        r.Z *= e;
        var j = (theta * qx) - (lambda * qy);
        return (lambda, -theta, j);
    }

    /// <summary>
    /// f · (c0·yP + c1·xP·w + c2·w³). The untwist (x′, y′) ↦ (x′·w², y′·w³) turns a twist slope λ′ into
    /// λ′·w on E, so the line yP − yT − λ(xP − xT) has its xP term at w and its constant at w³ = v·w.
    /// </summary>
    private static Fp12 Multiply(Fp12 f, (Fp2 C0, Fp2 C1, Fp2 C2) line, AffinePoint<Fp> p)
    {
        return f.MultiplyByLine(line.C0.MultiplyBy(p.Y), line.C1.MultiplyBy(p.X), line.C2);
    }

    /// <summary>The non-adjacent form of a public value, least significant digit first (the top digit is 1).</summary>
    internal static sbyte[] NonAdjacentForm(UInt128 value)
    {
        var digits = new List<sbyte>();
        while (value != 0)
        {
            if ((value & 1) == 1)
            {
                var digit = (sbyte)(2 - (int)(value & 3));
                digits.Add(digit);
                value = digit > 0 ? value - 1 : value + 1;
            }
            else
            {
                digits.Add(0);
            }

            value >>= 1;
        }

        return [.. digits];
    }
}
