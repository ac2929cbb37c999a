using NexusZero.Groups;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero;

/// <summary>
/// The classical statements on the <see cref="NexuszeroApi"/> facade: equality of discrete logs,
/// commitment openings, linear relations, AND / OR compositions and range proofs. Each builds the
/// statement and witness and runs them through the facade's pipeline (<see cref="NexuszeroApi.Prove"/>),
/// so statistics, limits, compression and metrics apply as for every proof.
/// </summary>
public static class NexuszeroApiClassicalExtensions
{
    /// <summary>Proves X = x·G and Y = x·H for the secret x (Chaum–Pedersen); X and Y are computed here.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A generator is the identity or the values are from different groups.</exception>
    /// <exception cref="NexusZeroException">As <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProveEquality(this NexuszeroApi api, GroupElement generatorG, GroupElement generatorH, GroupScalar secret, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(generatorG);
        ArgumentNullException.ThrowIfNull(generatorH);
        ArgumentNullException.ThrowIfNull(secret);
        var statement = new DiscreteLogEqualityStatement(generatorG.Group, generatorG, generatorH, generatorG.Multiply(secret), generatorH.Multiply(secret));
        using var witness = new DiscreteLogEqualityWitness(secret);
        return api.Prove(new ProofRequest(DiscreteLogEqualityProofSystem.Instance, statement, witness, context.ToArray()));
    }

    /// <summary>Proves knowledge of (value, blinding) with commitment = value·G + blinding·H (<see cref="PedersenGenerators"/>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The commitment is the identity or the values are from different groups.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the commitment does not open to the values; otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProveCommitmentOpening(this NexuszeroApi api, GroupElement commitment, GroupScalar value, GroupScalar blinding, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(commitment);
        var statement = new PedersenOpeningStatement(commitment.Group, commitment);
        using var witness = new PedersenOpeningWitness(value, blinding);
        return api.Prove(new ProofRequest(PedersenOpeningProofSystem.Instance, statement, witness, context.ToArray()));
    }

    /// <summary>Proves Σ aᵢ·vᵢ = b over the values of Pedersen commitments (e.g. v1 + v2 = v3).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="LinearRelationStatement"/>.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the openings or the relation do not hold.</exception>
    public static ProofResult ProveLinearRelation(this NexuszeroApi api, LinearRelationStatement statement, IReadOnlyList<GroupScalar> values, IReadOnlyList<GroupScalar> blindings, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var witness = new LinearRelationWitness(values, blindings);
        return api.Prove(new ProofRequest(LinearRelationProofSystem.Instance, statement, witness, context.ToArray()));
    }

    /// <summary>Proves every part (AND); <paramref name="witnesses"/> holds one witness per part. The witnesses are disposed afterwards.</summary>
    /// <exception cref="ArgumentException">See <see cref="SigmaCompositionStatement.AllOf"/>.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when a witness is missing or wrong.</exception>
    public static ProofResult ProveAllOf(this NexuszeroApi api, IReadOnlyList<Statement> parts, IReadOnlyList<Witness?> witnesses, ReadOnlySpan<byte> context = default) =>
        ProveComposition(api, SigmaCompositionStatement.AllOf(parts), witnesses, context);

    /// <summary>
    /// Proves at least one part (OR) without revealing which: <paramref name="witnesses"/> has one slot per
    /// part, null where the witness is unknown. The witnesses are disposed afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">See <see cref="SigmaCompositionStatement.AnyOf"/>.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when no known witness satisfies its part.</exception>
    public static ProofResult ProveAnyOf(this NexuszeroApi api, IReadOnlyList<Statement> parts, IReadOnlyList<Witness?> witnesses, ReadOnlySpan<byte> context = default) =>
        ProveComposition(api, SigmaCompositionStatement.AnyOf(parts), witnesses, context);

    /// <summary>
    /// Proves that the value in <paramref name="commitment"/> = value·G + blinding·H lies in
    /// [<paramref name="min"/>, <paramref name="max"/>] (Bulletproofs over value − min and max − value,
    /// each in [0, 2^<paramref name="bits"/>)).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">min &gt; max, bits not 8/16/32/64, or values of different groups.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the value lies outside [min, max], a difference does not fit in the bits, or the commitment does not open to (value, blinding).</exception>
    public static ProofResult ProveRange(this NexuszeroApi api, GroupElement commitment, ulong value, GroupScalar blinding, ulong min, ulong max, int bits = 64, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(commitment);
        var statement = RangeStatement.ForBounds(commitment.Group, commitment, min, max, bits);
        using var witness = new RangeWitness(value, blinding);
        return api.Prove(new ProofRequest(BulletproofsRangeProofSystem.Instance, statement, witness, context.ToArray()));
    }

    private static ProofResult ProveComposition(NexuszeroApi api, SigmaCompositionStatement statement, IReadOnlyList<Witness?> witnesses, ReadOnlySpan<byte> context)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var witness = new SigmaCompositionWitness(witnesses);
        return api.Prove(new ProofRequest(SigmaCompositionProofSystem.Instance, statement, witness, context.ToArray()));
    }
}
