using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Collects the terms of a verification equation Σ aᵢ·Pᵢ = identity so that one or many proofs are
/// checked with a single variable-time multi-scalar multiplication. Terms on a registered shared base
/// (G, H, a Schnorr generator) are merged into one coefficient. Verifier-only: every input is public.
/// </summary>
internal sealed class MsmAccumulator
{
    private readonly IPrimeOrderGroup _group;
    private readonly List<GroupScalar> _scalars = [];
    private readonly List<GroupElement> _elements = [];
    private readonly List<int> _sharedIndexes = [];

    public MsmAccumulator(IPrimeOrderGroup group, params GroupElement[] sharedBases)
    {
        _group = group;
        foreach (var shared in sharedBases)
        {
            _sharedIndexes.Add(_elements.Count);
            _scalars.Add(group.ScalarZero);
            _elements.Add(shared);
        }
    }

    /// <summary>A fresh random weight for one equation (from the OS CSPRNG).</summary>
    public GroupScalar NextWeight() => _group.RandomScalar();

    /// <summary>Adds <paramref name="scalar"/>·<paramref name="element"/>.</summary>
    public void Add(GroupScalar scalar, GroupElement element)
    {
        foreach (var index in _sharedIndexes)
        {
            if (ReferenceEquals(_elements[index], element) || _elements[index].Equals(element))
            {
                _scalars[index] += scalar;
                return;
            }
        }

        _scalars.Add(scalar);
        _elements.Add(element);
    }

    /// <summary>Adds <paramref name="scalar"/>·<paramref name="element"/> as a term of its own, without looking for a shared base.</summary>
    public void AddDistinct(GroupScalar scalar, GroupElement element)
    {
        _scalars.Add(scalar);
        _elements.Add(element);
    }

    /// <summary>Adds <paramref name="scalar"/> to the coefficient of shared base number <paramref name="index"/> (constructor order).</summary>
    public void AddToShared(int index, GroupScalar scalar) => _scalars[_sharedIndexes[index]] += scalar;

    /// <summary>True when the accumulated sum is the identity.</summary>
    public bool IsIdentity() =>
        _group.MultiScalarMultiplyVarTime(_scalars.ToArray(), _elements.ToArray()).IsIdentity;
}
