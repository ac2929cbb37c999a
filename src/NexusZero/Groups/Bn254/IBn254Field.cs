namespace NexusZero.Groups.Bn254;

/// <summary>
/// The operations the curve and pairing code needs from Fp and Fp2, so one copy of the point formulas
/// serves G1 and G2. Implemented by value types only, so the JIT specialises every use.
/// </summary>
internal interface IBn254Field<T>
    where T : struct, IBn254Field<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    static abstract T operator +(in T a, in T b);

    static abstract T operator -(in T a, in T b);

    static abstract T operator -(in T a);

    static abstract T operator *(in T a, in T b);

    /// <summary><paramref name="b"/> where <paramref name="mask"/> is all ones, <paramref name="a"/> where it is zero.</summary>
    static abstract T Select(in T a, in T b, ulong mask);

    /// <summary>All ones when equal, else zero, in constant time.</summary>
    static abstract ulong EqualMask(in T a, in T b);

    T Square();

    /// <summary>The multiplicative inverse (zero for zero), by a fixed exponentiation.</summary>
    T Invert();

    bool IsZero { get; }
}
