using System.Security.Cryptography;
using System.Runtime.InteropServices;

namespace NexusZero.Lattices;

/// <summary>
/// A vector of polynomials in Z_q[X]/(X^256 + 1), stored contiguously. Instances holding secrets are
/// cleared with <see cref="Clear"/> when done.
/// </summary>
internal sealed class PolynomialVector
{
    private readonly int[] _coefficients;

    /// <summary>A zero vector of <paramref name="length"/> polynomials.</summary>
    public PolynomialVector(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        _coefficients = new int[length * Polynomial.N];
    }

    /// <summary>The number of polynomials.</summary>
    public int Length { get; }

    /// <summary>All coefficients, polynomial after polynomial.</summary>
    public Span<int> Coefficients => _coefficients;

    /// <summary>Polynomial <paramref name="index"/>.</summary>
    public Span<int> this[int index] => _coefficients.AsSpan(index * Polynomial.N, Polynomial.N);

    /// <summary>A copy of this vector.</summary>
    public PolynomialVector Clone()
    {
        var copy = new PolynomialVector(Length);
        _coefficients.CopyTo(copy._coefficients, 0);
        return copy;
    }

    /// <summary>Copies <paramref name="source"/> into this vector (same length).</summary>
    public void CopyFrom(PolynomialVector source)
    {
        CheckLength(source);
        source._coefficients.CopyTo(_coefficients, 0);
    }

    /// <summary>Forward NTT of every polynomial, as one batch through the compute seam (secret data: CPU unless opted in).</summary>
    public void Ntt() => Compute.ComputeRouter.Current.LatticeForward(_coefficients, Compute.DataSecrecy.Secret);

    /// <summary>Inverse NTT (times 2^32) of every polynomial, as one batch through the compute seam.</summary>
    public void InverseNttToMontgomery() => Compute.ComputeRouter.Current.LatticeInverseToMontgomery(_coefficients, Compute.DataSecrecy.Secret);

    /// <summary>Reduces every coefficient with <see cref="Zq.Reduce32"/>.</summary>
    public void Reduce() => Polynomial.Reduce(_coefficients);

    /// <summary>Maps every coefficient from (−q, q) to [0, q).</summary>
    public void ConditionalAddQ() => Polynomial.ConditionalAddQ(_coefficients);

    /// <summary>this += other.</summary>
    public void Add(PolynomialVector other)
    {
        CheckLength(other);
        Span<int> a = _coefficients;
        ReadOnlySpan<int> b = other._coefficients;
        for (int i = 0; i < a.Length; i++)
        {
            a[i] += b[i];
        }
    }

    /// <summary>this −= other.</summary>
    public void Subtract(PolynomialVector other)
    {
        CheckLength(other);
        Span<int> a = _coefficients;
        ReadOnlySpan<int> b = other._coefficients;
        for (int i = 0; i < a.Length; i++)
        {
            a[i] -= b[i];
        }
    }

    /// <summary>this[i] = c ∘ v[i] · 2^−32 for an NTT-domain polynomial c and NTT-domain vector v.</summary>
    public void SetPointwiseMontgomery(ReadOnlySpan<int> c, PolynomialVector v)
    {
        CheckLength(v);
        for (int i = 0; i < Length; i++)
        {
            Lattices.Ntt.PointwiseMontgomery(c, v[i], this[i]);
        }
    }

    /// <summary>True when some coefficient's centred absolute value is ≥ <paramref name="bound"/> (constant-time scan).</summary>
    public bool InfinityNormAtLeast(int bound) => Polynomial.InfinityNormAtLeast(_coefficients, bound);

    /// <summary>Zeroes every coefficient (for secrets).</summary>
    public void Clear() => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_coefficients.AsSpan()));

    private void CheckLength(PolynomialVector other)
    {
        if (other.Length != Length)
        {
            throw new ArgumentException($"Vector lengths differ: {Length} and {other.Length}.", nameof(other));
        }
    }
}
