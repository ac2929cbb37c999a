namespace NexusZero.Groups.Bn254;

/// <summary>
/// Fp12 = Fp6[w]/(w² − v): an element C0 + C1·w, where the pairing takes its values. In the basis
/// 1, w, …, w⁵ (w² = v, w⁶ = ξ) the coefficients are C0.C0, C1.C0, C0.C1, C1.C1, C0.C2, C1.C2.
/// </summary>
internal readonly struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0;
    public readonly Fp6 C1;

    public Fp12(Fp6 c0, Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    public bool IsOne => Equals(One);

    public static Fp12 operator *(Fp12 a, Fp12 b)
    {
        var t0 = a.C0 * b.C0;
        var t1 = a.C1 * b.C1;
        return new(t0 + t1.MultiplyByV(), ((a.C0 + a.C1) * (b.C0 + b.C1)) - t0 - t1);
    }

    /// <summary>(a + b·w)² = a² + v·b² + 2ab·w, with two Fp6 multiplications.</summary>
    public Fp12 Square()
    {
        var ab = C0 * C1;
        var c0 = ((C0 + C1) * (C0 + C1.MultiplyByV())) - ab - ab.MultiplyByV();
        return new(c0, ab + ab);
    }

    /// <summary>
    /// this·(a + (b + c·v)·w), the shape of a Miller-loop line, in 13 Fp2 multiplications instead of 18:
    /// Karatsuba over w with the line's zero coefficients skipped.
    /// </summary>
    public Fp12 MultiplyByLine(in Fp2 a, in Fp2 b, in Fp2 c)
    {
        var t0 = C0.MultiplyBy(a);
        var t1 = C1.MultiplyBy01(b, c);
        var t2 = (C0 + C1).MultiplyBy01(a + b, c);
        return new(t0 + t1.MultiplyByV(), t2 - t0 - t1);
    }

    /// <summary>
    /// The square of an element of the cyclotomic subgroup (norm 1 over Fp6, which every value after the
    /// final exponentiation's easy part is), by Granger and Scott's formulas (PKC 2010, §3.2): with
    /// Fp12 seen as Fp4³ over Fp4 = Fp2[w³], three Fp4 squarings, 6 Fp2 multiplications against 12.
    /// Wrong for other elements.
    /// </summary>
    public Fp12 CyclotomicSquare()
    {
        // Pairs (z0, z1), (z2, z3), (z4, z5) are the Fp4 coefficients a, b, c (each x + y·w³, (w³)² = ξ).
        var (z0, z4, z3) = (C0.C0, C0.C1, C0.C2);
        var (z2, z1, z5) = (C1.C0, C1.C1, C1.C2);
        var (t0, t1) = Fp4Square(z0, z1);
        var (t2, t3) = Fp4Square(z2, z3);
        var (t4, t5) = Fp4Square(z4, z5);

        // a' = 3a² − 2ā, b' = 3ξ'c² + 2b̄, c' = 3b² − 2c̄ (ā the Fp4 conjugate), coefficient by coefficient.
        var t5Xi = t5.MultiplyByXi();
        return new(
            new Fp6(Triple(t0) - z0.Double(), Triple(t2) - z4.Double(), Triple(t4) - z3.Double()),
            new Fp6(Triple(t5Xi) + z2.Double(), Triple(t1) + z1.Double(), Triple(t3) + z5.Double()));

        static (Fp2 X, Fp2 Y) Fp4Square(Fp2 x, Fp2 y)
        {
            var xy = x * y;
            var square = ((x + y) * (x + y.MultiplyByXi())) - xy - xy.MultiplyByXi();
            return (square, xy.Double());
        }

        static Fp2 Triple(Fp2 x) => x.Double() + x;
    }

    /// <summary>this^exponent for an element of the cyclotomic subgroup and a public 64-bit exponent.</summary>
    public Fp12 CyclotomicPower(ulong exponent)
    {
        var result = One;
        for (var i = 63 - System.Numerics.BitOperations.LeadingZeroCount(exponent); i >= 0; i--)
        {
            result = result.CyclotomicSquare();
            if (((exponent >> i) & 1) != 0)
            {
                result *= this;
            }
        }

        return result;
    }

    /// <summary>
    /// this^e for an element of the cyclotomic subgroup and a public exponent e given in non-adjacent form (least
    /// significant digit first, top digit 1): a digit −1 multiplies by the conjugate, which is the inverse there.
    /// For the BN parameter x that is 24 multiplications where its binary form needs 27.
    /// </summary>
    public Fp12 CyclotomicPower(ReadOnlySpan<sbyte> nonAdjacentForm)
    {
        var inverse = Conjugate();
        var result = this;
        for (var i = nonAdjacentForm.Length - 2; i >= 0; i--)
        {
            result = result.CyclotomicSquare();
            var digit = nonAdjacentForm[i];
            if (digit > 0)
            {
                result *= this;
            }
            else if (digit < 0)
            {
                result *= inverse;
            }
        }

        return result;
    }

    /// <summary>x ↦ x^(p⁶): negates the w part; the inverse on the cyclotomic subgroup.</summary>
    public Fp12 Conjugate() => new(C0, -C1);

    /// <summary>(a − b·w)/(a² − v·b²).</summary>
    public Fp12 Invert()
    {
        var inverse = (C0.Square() - C1.Square().MultiplyByV()).Invert();
        return new(C0 * inverse, -(C1 * inverse));
    }

    /// <summary>
    /// x ↦ x^p. On the coefficient a_i of w^i: conj(a_i)·w^(i·p) = conj(a_i)·γ_i·w^i with
    /// γ_i = ξ^(i(p−1)/6) (<see cref="FrobeniusConstants"/>).
    /// </summary>
    public Fp12 Frobenius()
    {
        var g = FrobeniusConstants.Gamma;
        return new(
            new Fp6(C0.C0.Conjugate(), C0.C1.Conjugate() * g[2], C0.C2.Conjugate() * g[4]),
            new Fp6(C1.C0.Conjugate() * g[1], C1.C1.Conjugate() * g[3], C1.C2.Conjugate() * g[5]));
    }

    /// <summary>x ↦ x^(p^count).</summary>
    public Fp12 Frobenius(int count)
    {
        var result = this;
        for (var i = 0; i < count; i++)
        {
            result = result.Frobenius();
        }

        return result;
    }

    /// <summary>this^exponent for a public exponent given as limbs, most significant bit first.</summary>
    public Fp12 Power(ReadOnlySpan<ulong> exponentLittleEndianLimbs)
    {
        var result = One;
        for (var i = (exponentLittleEndianLimbs.Length * 64) - 1; i >= 0; i--)
        {
            result = result.Square();
            if (((exponentLittleEndianLimbs[i >> 6] >> (i & 63)) & 1) != 0)
            {
                result *= this;
            }
        }

        return result;
    }

    public static ulong EqualMask(in Fp12 a, in Fp12 b) => Fp6.EqualMask(a.C0, b.C0) & Fp6.EqualMask(a.C1, b.C1);

    public bool Equals(Fp12 other) => EqualMask(this, other) != 0;

    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public static bool operator ==(Fp12 a, Fp12 b) => a.Equals(b);

    public static bool operator !=(Fp12 a, Fp12 b) => !a.Equals(b);
}
