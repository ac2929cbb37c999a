using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>Maps each sigma statement kind to its linear relation, and each witness to its scalar vector.</summary>
internal static class SigmaRelations
{
    /// <summary>The composition tree of <paramref name="statement"/> (a single leaf unless it is a composition).</summary>
    /// <exception cref="ArgumentException">The statement is not a sigma statement.</exception>
    public static SigmaNode Node(Statement statement) => statement switch
    {
        SigmaCompositionStatement composition => new SigmaGate(
            composition.IsAnyOf,
            [.. composition.Parts.Select(Node)],
            composition.Group.ScalarLength),
        _ => new SigmaLeaf(statement, Relation(statement)),
    };

    /// <summary>The relation of a leaf statement.</summary>
    /// <exception cref="ArgumentException">The statement is not a leaf sigma statement.</exception>
    public static SigmaRelation Relation(Statement statement)
    {
        switch (statement)
        {
            case DiscreteLogStatement s:
                return new SigmaRelation(s.Group, 1, [new(s.PublicValue, [new(0, s.Generator)])]);
            case DiscreteLogEqualityStatement s:
                return new SigmaRelation(s.Group, 1,
                [
                    new(s.PublicX, [new(0, s.GeneratorG)]),
                    new(s.PublicY, [new(0, s.GeneratorH)]),
                ]);
            case PedersenOpeningStatement s:
                return new SigmaRelation(s.Group, 2,
                [
                    new(s.Commitment, [new(0, s.Group.Generator), new(1, PedersenGenerators.BlindingBase(s.Group))]),
                ]);
            case LinearRelationStatement s:
                return LinearRelation(s);
            default:
                throw new ArgumentException($"{statement?.GetType().Name ?? "null"} is not a sigma statement (discrete log, DLEQ, Pedersen opening, linear relation).", nameof(statement));
        }
    }

    /// <summary>Appends the witness vector of each leaf of <paramref name="statement"/> (null for an unknown part).</summary>
    /// <exception cref="ArgumentException">The witness does not fit the statement's kind or shape.</exception>
    public static void LeafWitnesses(Statement statement, Witness? witness, List<GroupScalar[]?> destination)
    {
        if (statement is SigmaCompositionStatement composition)
        {
            if (witness is null)
            {
                foreach (var part in composition.Parts)
                {
                    LeafWitnesses(part, null, destination);
                }

                return;
            }

            if (witness is not SigmaCompositionWitness parts || parts.Parts.Count != composition.Parts.Count)
            {
                throw new ArgumentException($"A composition of {composition.Parts.Count} parts needs a {nameof(SigmaCompositionWitness)} with {composition.Parts.Count} slots.", nameof(witness));
            }

            for (var i = 0; i < composition.Parts.Count; i++)
            {
                LeafWitnesses(composition.Parts[i], parts.Parts[i], destination);
            }

            return;
        }

        destination.Add(witness is null ? null : Scalars(statement, witness));
    }

    private static GroupScalar[] Scalars(Statement statement, Witness witness) => (statement, witness) switch
    {
        (DiscreteLogStatement, DiscreteLogWitness w) => [w.Secret],
        (DiscreteLogEqualityStatement, DiscreteLogEqualityWitness w) => [w.Secret],
        (PedersenOpeningStatement, PedersenOpeningWitness w) => [w.Value, w.Blinding],
        (LinearRelationStatement s, LinearRelationWitness w) when w.Values.Count == s.Commitments.Count => [.. w.Values, .. w.Blindings],
        _ => throw new ArgumentException($"A {witness.GetType().Name} does not fit a {statement.GetType().Name}.", nameof(witness)),
    };

    /// <summary>
    /// Witness (v₁..v_k, r₁..r_k); equations Cᵢ = vᵢ·G + rᵢ·H and D = Σ rᵢ·(aᵢ·H) with
    /// D = Σ aᵢ·Cᵢ − b·G. Given openings, the last equation holds exactly when Σ aᵢ·vᵢ = b.
    /// </summary>
    private static SigmaRelation LinearRelation(LinearRelationStatement s)
    {
        var group = s.Group;
        var g = group.Generator;
        var h = PedersenGenerators.BlindingBase(group);
        var k = s.Commitments.Count;
        var equations = new List<SigmaEquation>(k + 1);
        var combinationTerms = new List<SigmaTerm>(k);
        var scalars = new GroupScalar[k + 1];
        var elements = new GroupElement[k + 1];
        for (var i = 0; i < k; i++)
        {
            equations.Add(new SigmaEquation(s.Commitments[i], [new(i, g), new(k + i, h)]));

            // Public values only: variable-time arithmetic is fine here.
            combinationTerms.Add(new SigmaTerm(k + i, h.MultiplyVarTime(s.Coefficients[i])));
            scalars[i] = s.Coefficients[i];
            elements[i] = s.Commitments[i];
        }

        scalars[k] = s.Constant.Negate();
        elements[k] = g;
        var combination = group.MultiScalarMultiplyVarTime(scalars, elements);
        equations.Add(new SigmaEquation(combination, combinationTerms));
        return new SigmaRelation(group, 2 * k, equations);
    }
}
