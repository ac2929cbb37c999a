using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

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
    private GroupScalar? _twoTo64;

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

    /// <summary>
    /// A ristretto255 accumulator whose terms on precomputed fixed points go to <paramref name="fixedTerms"/>
    /// (internal scalars, no allocation per term); terms added through the generic methods join them as
    /// variable points.
    /// </summary>
    public MsmAccumulator(FixedBaseMsmBuilder fixedTerms)
    {
        _group = Ristretto255Group.Instance;
        FixedTerms = fixedTerms;
    }

    /// <summary>The ristretto255 fixed-base terms, or null for a generic accumulator.</summary>
    public FixedBaseMsmBuilder? FixedTerms { get; }

    /// <summary>
    /// A fresh random 128-bit weight for one equation, from the OS CSPRNG: a batch with an invalid
    /// equation passes with probability at most 2^-128, and the terms weighted by it alone (the
    /// commitments) cost half the additions of full-size scalars.
    /// </summary>
    public GroupScalar NextWeight()
    {
        Span<byte> random = stackalloc byte[16];
        System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        var high = RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(_group, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(random));
        var low = RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(_group, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(random[8..]));
        return (high * TwoTo64) + low;
    }

    private GroupScalar TwoTo64 => _twoTo64 ??= RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(_group, 1UL << 32) * RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(_group, 1UL << 32);

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

    /// <summary>
    /// True when the accumulated sum is the identity. With fixed-base terms this hands the generic terms
    /// over to them, so call it once, after the last term.
    /// </summary>
    public bool IsIdentity()
    {
        if (FixedTerms is { } terms)
        {
            for (var i = 0; i < _scalars.Count; i++)
            {
                terms.AddVariable(((Ristretto255Scalar)_scalars[i]).Value, ((Ristretto255Element)_elements[i]).Point);
            }

            _scalars.Clear();
            _elements.Clear();
            return RistrettoEncoding.IsIdentity(terms.Sum()) == 1;
        }

        return _group is Ristretto255Group && _scalars.Count < StrausLimit
            ? RistrettoStrausIsIdentity()
            : _group.MultiScalarMultiplyVarTime(_scalars.ToArray(), _elements.ToArray()).IsIdentity;
    }

    /// <summary>
    /// ristretto255 with fewer terms than this: interleaved wNAF (Straus) with the generator on its
    /// precomputed table. Counting point additions, Straus (about 51 per term plus 256 doublings) beats
    /// the bucket method (about 43·(n + 64) for 6-bit windows) below roughly 256 terms, while the
    /// group's own MSM switches to buckets at 128 (MultiScalarMultiplication.PippengerThreshold);
    /// sigma batches sit in between. (The ristretto255 range and Schnorr batch verifiers have their
    /// own fixed-base and batch paths.)
    /// </summary>
    private const int StrausLimit = 256;

    private bool RistrettoStrausIsIdentity()
    {
        var count = _scalars.Count;
        var scalars = new Scalar[count];
        var points = new EdwardsPoint[count];
        var baseScalar = Scalar.Zero;
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var k = ((Ristretto255Scalar)_scalars[i]).Value;
            if (ReferenceEquals(_elements[i], _group.Generator))
            {
                baseScalar += k;
                continue;
            }

            scalars[used] = k;
            points[used] = ((Ristretto255Element)_elements[i]).Point;
            used++;
        }

        var sum = MultiScalarMultiplication.Straus(scalars.AsSpan(0, used), points.AsSpan(0, used), baseScalar);
        return RistrettoEncoding.IsIdentity(sum) == 1;
    }
}
