namespace NexusZero.Groups.Bn254;

/// <summary>Fp6 = Fp2[v]/(v³ − ξ), ξ = 9 + u: an element C0 + C1·v + C2·v².</summary>
internal readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 C0;
    public readonly Fp2 C1;
    public readonly Fp2 C2;

    public Fp6(Fp2 c0, Fp2 c1, Fp2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => C0.IsZero & C1.IsZero & C2.IsZero;

    public static Fp6 operator +(Fp6 a, Fp6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);

    public static Fp6 operator -(Fp6 a, Fp6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);

    public static Fp6 operator -(Fp6 a) => new(-a.C0, -a.C1, -a.C2);

    /// <summary>Karatsuba over three coefficients: six Fp2 multiplications.</summary>
    public static Fp6 operator *(Fp6 a, Fp6 b)
    {
        var t0 = a.C0 * b.C0;
        var t1 = a.C1 * b.C1;
        var t2 = a.C2 * b.C2;
        var c0 = t0 + ((((a.C1 + a.C2) * (b.C1 + b.C2)) - t1 - t2).MultiplyByXi());
        var c1 = ((a.C0 + a.C1) * (b.C0 + b.C1)) - t0 - t1 + t2.MultiplyByXi();
        var c2 = ((a.C0 + a.C2) * (b.C0 + b.C2)) - t0 - t2 + t1;
        return new(c0, c1, c2);
    }

    public Fp6 Square() => this * this;

    /// <summary>
    /// this·(b + c·v), five Fp2 multiplications instead of six: (x0 + x1·v + x2·v²)(b + c·v) =
    /// (x0·b + ξ·x2·c) + ((x0 + x1)(b + c) − x0·b − x1·c)·v + (x1·c + x2·b)·v².
    /// </summary>
    public Fp6 MultiplyBy01(in Fp2 b, in Fp2 c)
    {
        var t0 = C0 * b;
        var t1 = C1 * c;
        return new(
            t0 + (C2 * c).MultiplyByXi(),
            ((C0 + C1) * (b + c)) - t0 - t1,
            t1 + (C2 * b));
    }

    /// <summary>·v: (C0, C1, C2) ↦ (ξ·C2, C0, C1), since v³ = ξ.</summary>
    public Fp6 MultiplyByV() => new(C2.MultiplyByXi(), C0, C1);

    public Fp6 MultiplyBy(Fp2 scalar) => new(C0 * scalar, C1 * scalar, C2 * scalar);

    /// <summary>The inverse through the norm to Fp2; zero for zero.</summary>
    public Fp6 Invert()
    {
        var a = C0.Square() - (C1 * C2).MultiplyByXi();
        var b = C2.Square().MultiplyByXi() - (C0 * C1);
        var c = C1.Square() - (C0 * C2);
        var norm = (C0 * a) + ((C2 * b) + (C1 * c)).MultiplyByXi();
        var inverse = norm.Invert();
        return new(a * inverse, b * inverse, c * inverse);
    }

    public static Fp6 Select(in Fp6 a, in Fp6 b, ulong mask) =>
        new(Fp2.Select(a.C0, b.C0, mask), Fp2.Select(a.C1, b.C1, mask), Fp2.Select(a.C2, b.C2, mask));

    public static ulong EqualMask(in Fp6 a, in Fp6 b) => Fp2.EqualMask(a.C0, b.C0) & Fp2.EqualMask(a.C1, b.C1) & Fp2.EqualMask(a.C2, b.C2);

    public bool Equals(Fp6 other) => EqualMask(this, other) != 0;

    public override bool Equals(object? obj) => obj is Fp6 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    public static bool operator ==(Fp6 a, Fp6 b) => a.Equals(b);

    public static bool operator !=(Fp6 a, Fp6 b) => !a.Equals(b);
}
