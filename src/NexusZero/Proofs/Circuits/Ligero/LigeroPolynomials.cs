using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>The few polynomial facts the Ligero prover and verifier share.</summary>
internal static class LigeroPolynomials
{
    /// <summary>5·ω_N^index, the code position <paramref name="index"/>.</summary>
    public static Fr CodePoint(FrDomain codeDomain, int index) =>
        FrDomain.CosetShift * codeDomain.Generator.Power(new Limbs256((ulong)index, 0, 0, 0));

    /// <summary>
    /// Z_ℓ(x) = ∏_{j&lt;ℓ} (x − ω_K^j), the polynomial vanishing on the message points, as (x^K − 1) / ∏_{j≥ℓ} (x − ω_K^j)
    /// (t factors instead of ℓ). x must lie outside ⟨ω_K⟩.
    /// </summary>
    public static Fr MessageVanishing(LigeroLayout layout, FrDomain messageDomain, Fr x)
    {
        var power = x;
        for (var i = 0; i < layout.LogK; i++)
        {
            power = power.Square();
        }

        var denominator = Fr.One;
        var root = messageDomain.Generator.Power(new Limbs256((ulong)layout.MessageLength, 0, 0, 0));
        for (var j = layout.MessageLength; j < layout.K; j++)
        {
            denominator *= x - root;
            root *= messageDomain.Generator;
        }

        return (power - Fr.One) * denominator.Invert();
    }

    /// <summary>Z_ℓ at every point of the coset 5·⟨ω_2K⟩, where the prover divides the quadratic test's polynomial.</summary>
    public static Fr[] MessageVanishingOnCoset(LigeroLayout layout, FrDomain messageDomain, FrDomain productDomain)
    {
        var points = new Fr[productDomain.Size];
        var x = FrDomain.CosetShift;
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = x;
            x *= productDomain.Generator;
        }

        var values = new Fr[points.Length];
        Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = values.Length >= 256 ? -1 : 1 }, i =>
            values[i] = MessageVanishing(layout, messageDomain, points[i]));
        return values;
    }

    /// <summary>Evaluates coefficients (at most N of them) on the whole code coset.</summary>
    public static Fr[] OnCodeDomain(FrDomain codeDomain, ReadOnlySpan<Fr> coefficients)
    {
        var values = new Fr[codeDomain.Size];
        coefficients.CopyTo(values);
        codeDomain.CosetForward(values);
        return values;
    }

    /// <summary>Σ_{j&lt;ℓ} f(ω_K^j) for f of degree below 2K: f mod (X^K − 1) evaluated on ⟨ω_K⟩.</summary>
    public static Fr SumOverMessagePoints(LigeroLayout layout, FrDomain messageDomain, ReadOnlySpan<Fr> coefficients)
    {
        var folded = new Fr[layout.K];
        for (var i = 0; i < coefficients.Length; i++)
        {
            folded[i & (layout.K - 1)] += coefficients[i];
        }

        messageDomain.Forward(folded);
        var sum = Fr.Zero;
        for (var j = 0; j < layout.MessageLength; j++)
        {
            sum += folded[j];
        }

        Array.Clear(folded);
        return sum;
    }
}
