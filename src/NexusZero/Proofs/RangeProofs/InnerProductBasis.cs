using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The bases of the inner-product prover's multi-scalar multiplications: Size points G'ₖ (index k) and
/// Size points H'ₖ (index Size + k), plus Q = w·B. It starts as the first N Bulletproofs generators and
/// may be replaced once by the generators folded so far (<see cref="Fold"/>). On ristretto255 every
/// multiplication runs on precomputed fixed-base tables (the generators' cached ones, or tables built
/// once for the folded points) and c·Q is computed as (c·w)·B on the generator's table; other groups
/// use the generic multi-scalar multiplication. Public scalars only (variable time).
/// </summary>
internal sealed class InnerProductBasis
{
    /// <summary>NAF width of the tables built for folded points: each serves the few remaining rounds.</summary>
    private const int FoldedTableWidth = 6;

    private readonly IPrimeOrderGroup _group;
    private readonly GroupScalar _w;
    private readonly FixedBaseTable[]? _tables;
    private readonly GroupElement[]? _points;
    private readonly GroupElement? _q;

    private InnerProductBasis(IPrimeOrderGroup group, GroupScalar w, int size, FixedBaseTable[]? tables, GroupElement[]? points, GroupElement? q)
    {
        _group = group;
        _w = w;
        Size = size;
        _tables = tables;
        _points = points;
        _q = q;
    }

    /// <summary>Number of G' (and of H') points.</summary>
    public int Size { get; }

    /// <summary>G₀..G_{N−1}, H₀..H_{N−1} and Q = w·B.</summary>
    public static InnerProductBasis Generators(IPrimeOrderGroup group, GroupScalar w, int bigN) =>
        group.Id == GroupId.Ristretto255
            ? new InnerProductBasis(group, w, bigN, [.. BulletproofGeneratorTables.G(bigN), .. BulletproofGeneratorTables.H(bigN)], null, null)
            : new InnerProductBasis(group, w, bigN, null, [.. BulletproofGenerators.G(group, bigN), .. BulletproofGenerators.H(group, bigN)], group.Generator.MultiplyVarTime(w));

    /// <summary>qScalar·Q + Σ scalars[i]·(base indexes[i]).</summary>
    public GroupElement Multiply(GroupScalar qScalar, ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<int> indexes) => Sum(qScalar, scalars, indexes);

    /// <summary>
    /// The basis of the folded generators for vectors of length <paramref name="n"/>:
    /// G'ₚ = Σₜ gCoefficient[t]·G_{t·n+p} and H'ₚ = Σₜ hWeight[t·n+p]·H_{t·n+p} over the Size / n blocks t.
    /// </summary>
    public InnerProductBasis Fold(int n, ReadOnlySpan<GroupScalar> gCoefficient, ReadOnlySpan<GroupScalar> hWeight)
    {
        var blocks = Size / n;
        var scalars = new GroupScalar[blocks];
        var indexes = new int[blocks];
        var folded = new GroupElement[2 * n];
        for (var p = 0; p < n; p++)
        {
            for (var t = 0; t < blocks; t++)
            {
                scalars[t] = gCoefficient[t];
                indexes[t] = (t * n) + p;
            }

            folded[p] = Sum(null, scalars, indexes);
            for (var t = 0; t < blocks; t++)
            {
                scalars[t] = hWeight[(t * n) + p];
                indexes[t] = Size + (t * n) + p;
            }

            folded[n + p] = Sum(null, scalars, indexes);
        }

        if (_tables is not null)
        {
            var points = new EdwardsPoint[2 * n];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = ((Ristretto255Element)folded[i]).Point;
            }

            return new InnerProductBasis(_group, _w, n, FixedBaseTable.Build(points, FoldedTableWidth), null, null);
        }

        return new InnerProductBasis(_group, _w, n, null, folded, _q);
    }

    /// <summary>qScalar·Q (when given) + Σ scalars[i]·(base indexes[i]).</summary>
    private GroupElement Sum(GroupScalar? qScalar, ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<int> indexes)
    {
        if (_tables is not null)
        {
            var values = new Scalar[scalars.Length];
            var tables = new FixedBaseTable[scalars.Length];
            for (var i = 0; i < scalars.Length; i++)
            {
                values[i] = ((Ristretto255Scalar)scalars[i]).Value;
                tables[i] = _tables[indexes[i]];
            }

            var baseScalar = qScalar is null ? Scalar.Zero : ((Ristretto255Scalar)(qScalar * _w)).Value;
            return new Ristretto255Element(FixedBaseMsm.MultiplyVarTime(baseScalar, values, tables, [], []));
        }

        var count = scalars.Length + (qScalar is null ? 0 : 1);
        var terms = new GroupScalar[count];
        var points = new GroupElement[count];
        for (var i = 0; i < scalars.Length; i++)
        {
            terms[i] = scalars[i];
            points[i] = _points![indexes[i]];
        }

        if (qScalar is not null)
        {
            terms[^1] = qScalar;
            points[^1] = _q!;
        }

        return _group.MultiScalarMultiplyVarTime(terms, points);
    }
}
