using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Variable-time multi-scalar multiplications over the first N Bulletproofs generators (index k &lt; N
/// is Gₖ, N + k is Hₖ) plus a multiple of Q = w·B, for the inner-product prover. On ristretto255 the
/// generators' cached fixed-base tables serve every call and c·Q is computed as (c·w)·B on the
/// generator's table; other groups use the generic multi-scalar multiplication. Public scalars only.
/// </summary>
internal sealed class GeneratorMsm
{
    private readonly IPrimeOrderGroup _group;
    private readonly GroupScalar _w;
    private readonly FixedBaseTable[]? _tables;
    private readonly GroupElement[]? _points;
    private readonly GroupElement? _q;

    public GeneratorMsm(IPrimeOrderGroup group, GroupScalar w, int bigN)
    {
        _group = group;
        _w = w;
        if (group.Id == GroupId.Ristretto255)
        {
            _tables = [.. BulletproofGeneratorTables.G(bigN), .. BulletproofGeneratorTables.H(bigN)];
        }
        else
        {
            _points = [.. BulletproofGenerators.G(group, bigN), .. BulletproofGenerators.H(group, bigN)];
            _q = group.Generator.MultiplyVarTime(w);
        }
    }

    /// <summary>qScalar·Q + Σ scalars[i]·(generator indexes[i]).</summary>
    public GroupElement Multiply(GroupScalar qScalar, ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<int> indexes)
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

            var baseScalar = ((Ristretto255Scalar)(qScalar * _w)).Value;
            return new Ristretto255Element(FixedBaseMsm.MultiplyVarTime(baseScalar, values, tables, [], []));
        }

        var terms = new GroupScalar[scalars.Length + 1];
        var points = new GroupElement[scalars.Length + 1];
        for (var i = 0; i < scalars.Length; i++)
        {
            terms[i] = scalars[i];
            points[i] = _points![indexes[i]];
        }

        terms[^1] = qScalar;
        points[^1] = _q!;
        return _group.MultiScalarMultiplyVarTime(terms, points);
    }
}
