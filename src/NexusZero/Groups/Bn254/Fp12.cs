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
