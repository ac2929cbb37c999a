using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>The secret (s1, s2) of a <see cref="ModuleLweStatement"/>. Disposal zeroes it.</summary>
public sealed class ModuleLweWitness : Witness
{
    private readonly PolynomialVector _s1;
    private readonly PolynomialVector _s2;

    /// <summary>Copies s1 (l·256 coefficients) and s2 (k·256 coefficients), each coefficient a small signed integer.</summary>
    /// <exception cref="ArgumentException">A length is not a positive multiple of 256 up to 8 polynomials.</exception>
    public ModuleLweWitness(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2)
    {
        _s1 = Copy(s1, nameof(s1));
        _s2 = Copy(s2, nameof(s2));
    }

    internal ModuleLweWitness(PolynomialVector s1, PolynomialVector s2)
    {
        _s1 = s1;
        _s2 = s2;
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.ModuleLwe;

    internal PolynomialVector S1
    {
        get
        {
            ThrowIfDisposed();
            return _s1;
        }
    }

    internal PolynomialVector S2
    {
        get
        {
            ThrowIfDisposed();
            return _s2;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets()
    {
        _s1.Clear();
        _s2.Clear();
    }

    private static PolynomialVector Copy(ReadOnlySpan<int> source, string name)
    {
        if (source.Length == 0 || source.Length % Polynomial.N != 0 || source.Length / Polynomial.N > ModuleLweParameters.MaxDimension)
        {
            throw new ArgumentException($"{name} needs 256·n coefficients for 1 ≤ n ≤ {ModuleLweParameters.MaxDimension}, got {source.Length}.", name);
        }

        var vector = new PolynomialVector(source.Length / Polynomial.N);
        source.CopyTo(vector.Coefficients);
        return vector;
    }
}
