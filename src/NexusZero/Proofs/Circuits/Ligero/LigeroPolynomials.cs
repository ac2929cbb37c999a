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

    /// <summary>
    /// Z_ℓ and 1/Z_ℓ at every point of the coset 5·⟨ω_2K⟩, where the prover multiplies and divides by it. x^K is
    /// ±5^K there, so only the t-factor denominators vary; they are inverted together (Montgomery's trick).
    /// </summary>
    public static (Fr[] Values, Fr[] Inverses) MessageVanishingOnCoset(LigeroLayout layout, FrDomain messageDomain, FrDomain productDomain)
    {
        var size = productDomain.Size;
        var firstRoot = messageDomain.Generator.Power(new Limbs256((ulong)layout.MessageLength, 0, 0, 0));
        var shiftToK = FrDomain.CosetShift;
        for (var i = 0; i < layout.LogK; i++)
        {
            shiftToK = shiftToK.Square();
        }

        // x_i^K − 1 for x_i = 5·ω_2K^i is 5^K − 1 for even i and −5^K − 1 for odd i.
        var numerators = new[] { shiftToK - Fr.One, -shiftToK - Fr.One };
        var numeratorInverses = new[] { numerators[0].Invert(), numerators[1].Invert() };

        var points = new Fr[size];
        var x = FrDomain.CosetShift;
        for (var i = 0; i < size; i++)
        {
            points[i] = x;
            x *= productDomain.Generator;
        }

        var denominators = new Fr[size];
        Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = size >= 256 ? -1 : 1 }, i =>
        {
            var product = Fr.One;
            var root = firstRoot;
            for (var j = layout.MessageLength; j < layout.K; j++)
            {
                product *= points[i] - root;
                root *= messageDomain.Generator;
            }

            denominators[i] = product;
        });

        // Batch inversion: prefix products, one inverse, then back.
        var prefix = new Fr[size];
        var running = Fr.One;
        for (var i = 0; i < size; i++)
        {
            prefix[i] = running;
            running *= denominators[i];
        }

        var inverse = running.Invert();
        var values = new Fr[size];
        var inverses = new Fr[size];
        for (var i = size - 1; i >= 0; i--)
        {
            var denominatorInverse = inverse * prefix[i];
            inverse *= denominators[i];
            values[i] = numerators[i & 1] * denominatorInverse;
            inverses[i] = numeratorInverses[i & 1] * denominators[i];
        }

        return (values, inverses);
    }

    /// <summary>
    /// Evaluates a polynomial of degree below <paramref name="block"/>'s size on the whole code coset as N/|block| small
    /// transforms: position s + (N/|block|)·i is (5·ω_N^s)·ω_|block|^i, so each residue class s is one coset of the small
    /// domain. About a quarter fewer multiplications than one size-N transform for rows of degree below K.
    /// </summary>
    public static Fr[] EncodeOnCodeDomain(FrDomain codeDomain, FrDomain block, ReadOnlySpan<Fr> coefficients)
    {
        var size = block.Size;
        var classes = codeDomain.Size / size;
        var values = new Fr[codeDomain.Size];
        var buffer = new Fr[size];
        var shift = FrDomain.CosetShift;
        for (var s = 0; s < classes; s++)
        {
            var power = Fr.One;
            for (var j = 0; j < size; j++)
            {
                buffer[j] = j < coefficients.Length ? coefficients[j] * power : Fr.Zero;
                power *= shift;
            }

            block.Forward(buffer);
            for (var i = 0; i < size; i++)
            {
                values[s + (classes * i)] = buffer[i];
            }

            shift *= codeDomain.Generator;
        }

        Array.Clear(buffer);
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
