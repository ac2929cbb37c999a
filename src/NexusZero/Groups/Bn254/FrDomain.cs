namespace NexusZero.Groups.Bn254;

/// <summary>
/// The multiplicative subgroup of Fr of size n = 2^k (k ≤ 28, Fr's two-adicity) and radix-2 number-theoretic
/// transforms over it: evaluations at ω⁰ … ω^(n−1) ↔ coefficients, and the same on the coset g·⟨ω⟩ with
/// g = 5 (Fr's multiplicative generator, as circom and snarkjs use), where the vanishing polynomial
/// Z(X) = Xⁿ − 1 is the non-zero constant gⁿ − 1. Iterative Cooley–Tukey with precomputed twiddles; inputs
/// are witness-derived but the sequence of operations depends only on n.
/// </summary>
internal sealed class FrDomain
{
    /// <summary>log2 of the largest domain: Fr's two-adicity.</summary>
    public const int MaxLogSize = 28;

    /// <summary>(r − 1) / 2^28.</summary>
    private static readonly Limbs256 OddPartOfOrderMinusOne = new(0x9b9709143e1f593fUL, 0x181585d2833e8487UL, 0x131a029b85045b68UL, 0x30644e72eUL);

    /// <summary>Fr's multiplicative generator, the coset shift.</summary>
    public static readonly Fr CosetShift = Fr.FromUInt64(5);

    /// <summary>A primitive 2^28-th root of unity: 5^((r − 1)/2^28).</summary>
    public static readonly Fr MaxRootOfUnity = CosetShift.Power(OddPartOfOrderMinusOne);

    private readonly Fr[] _twiddles;
    private readonly Fr[] _inverseTwiddles;

    /// <summary>The domain of size 2^<paramref name="logSize"/>.</summary>
    public FrDomain(int logSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logSize, MaxLogSize);
        LogSize = logSize;
        Size = 1 << logSize;
        var root = MaxRootOfUnity;
        for (var i = logSize; i < MaxLogSize; i++)
        {
            root = root.Square();
        }

        Generator = root;
        GeneratorInverse = root.Invert();
        SizeInverse = Fr.FromUInt64((ulong)Size).Invert();
        _twiddles = Powers(Generator, Math.Max(1, Size / 2));
        _inverseTwiddles = Powers(GeneratorInverse, Math.Max(1, Size / 2));
        var shiftToN = CosetShift;
        for (var i = 0; i < logSize; i++)
        {
            shiftToN = shiftToN.Square();
        }

        CosetVanishing = shiftToN - Fr.One;
    }

    /// <summary>The smallest domain with at least <paramref name="count"/> points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 2^28 points.</exception>
    public static FrDomain ForAtLeast(int count)
    {
        var log = 0;
        while ((1L << log) < count)
        {
            log++;
        }

        return new FrDomain(log);
    }

    /// <summary>k with n = 2^k.</summary>
    public int LogSize { get; }

    /// <summary>n.</summary>
    public int Size { get; }

    /// <summary>ω, a primitive n-th root of unity.</summary>
    public Fr Generator { get; }

    /// <summary>ω⁻¹.</summary>
    public Fr GeneratorInverse { get; }

    /// <summary>n⁻¹.</summary>
    public Fr SizeInverse { get; }

    /// <summary>ω⁰ … ω^(n/2 − 1), the forward butterflies' twiddles (one element for n = 1); accelerators upload them.</summary>
    internal ReadOnlySpan<Fr> Twiddles => _twiddles;

    /// <summary>ω⁰ … ω^−(n/2 − 1), the inverse butterflies' twiddles.</summary>
    internal ReadOnlySpan<Fr> InverseTwiddles => _inverseTwiddles;

    /// <summary>Z(g·ωⁱ) = gⁿ − 1, the same for every point of the coset.</summary>
    public Fr CosetVanishing { get; }

    /// <summary>Coefficients → evaluations at ωⁱ, in place.</summary>
    public void Forward(Span<Fr> values) => Transform(values, _twiddles);

    /// <summary>Evaluations at ωⁱ → coefficients, in place.</summary>
    public void Inverse(Span<Fr> values)
    {
        Transform(values, _inverseTwiddles);
        Scale(values, SizeInverse);
    }

    /// <summary>Coefficients → evaluations at g·ωⁱ, in place.</summary>
    public void CosetForward(Span<Fr> values)
    {
        MultiplyByPowers(values, CosetShift);
        Forward(values);
    }

    /// <summary>Evaluations at g·ωⁱ → coefficients, in place.</summary>
    public void CosetInverse(Span<Fr> values)
    {
        Inverse(values);
        MultiplyByPowers(values, CosetShift.Invert());
    }

    /// <summary>L_0(τ) … L_(n−1)(τ): the Lagrange basis of the domain evaluated at <paramref name="tau"/> (τ outside the domain).</summary>
    public Fr[] LagrangeAt(Fr tau)
    {
        // L_i(τ) = ωⁱ·(τⁿ − 1) / (n·(τ − ωⁱ)).
        var tauToN = tau;
        for (var i = 0; i < LogSize; i++)
        {
            tauToN = tauToN.Square();
        }

        var numerator = (tauToN - Fr.One) * SizeInverse;

        // One inversion for all n denominators (Montgomery's trick): prefix products, one inverse, then back.
        // τ is outside the domain, so no denominator is zero; the steps do not depend on τ's value.
        var result = new Fr[Size];
        var prefix = new Fr[Size];
        var running = Fr.One;
        var omegaI = Fr.One;
        for (var i = 0; i < Size; i++)
        {
            prefix[i] = running;
            running *= tau - omegaI;
            omegaI *= Generator;
        }

        var inverse = running.Invert();

        // Walk back from ω^(n−1) = ω⁻¹ (ωⁿ = 1).
        var omegaPower = GeneratorInverse;
        for (var i = Size - 1; i >= 0; i--)
        {
            // inverse = 1 / ((τ − ω⁰)…(τ − ωⁱ)) here.
            var denominatorInverse = inverse * prefix[i];
            inverse *= tau - omegaPower;
            result[i] = numerator * omegaPower * denominatorInverse;
            omegaPower *= GeneratorInverse;
        }

        Array.Clear(prefix);
        return result;
    }

    private void Transform(Span<Fr> values, Fr[] twiddles)
    {
        if (values.Length != Size)
        {
            throw new ArgumentException($"The domain has {Size} points, not {values.Length}.", nameof(values));
        }

        BitReverse(values);
        for (var half = 1; half < Size; half <<= 1)
        {
            var stride = Size / (2 * half);
            for (var start = 0; start < Size; start += 2 * half)
            {
                for (var j = 0; j < half; j++)
                {
                    var t = twiddles[j * stride] * values[start + j + half];
                    var u = values[start + j];
                    values[start + j] = u + t;
                    values[start + j + half] = u - t;
                }
            }
        }
    }

    private void BitReverse(Span<Fr> values)
    {
        for (int i = 0, j = 0; i < Size; i++)
        {
            if (i < j)
            {
                (values[i], values[j]) = (values[j], values[i]);
            }

            var bit = Size >> 1;
            while (bit > 0 && (j & bit) != 0)
            {
                j ^= bit;
                bit >>= 1;
            }

            j |= bit;
        }
    }

    private static void Scale(Span<Fr> values, Fr factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static void MultiplyByPowers(Span<Fr> values, Fr factor)
    {
        var power = Fr.One;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= power;
            power *= factor;
        }
    }

    private static Fr[] Powers(Fr x, int count)
    {
        var powers = new Fr[count];
        var current = Fr.One;
        for (var i = 0; i < count; i++)
        {
            powers[i] = current;
            current *= x;
        }

        return powers;
    }
}
