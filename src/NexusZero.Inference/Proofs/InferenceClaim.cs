using NexusZero.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// What a proof of inference asserts, in the model's fixed point: the model with commitment C maps
/// <see cref="Input"/> to <see cref="Output"/> (and, when it ends in Softmax, the first maximal logit is
/// <see cref="ArgMax"/>). Real values are q / 2^InputScaleBits. With public weights C is the model's SHA-256
/// commitment, which the keys hold; with private weights it is <see cref="WeightsCommitment"/>. With a committed input
/// the claim holds no input values: <see cref="Input"/> is empty and <see cref="InputCommitment"/> names the input.
/// </summary>
/// <param name="Input">The quantized input; empty when the input is committed.</param>
/// <param name="Output">The quantized output (the logits when the model ends in Softmax).</param>
/// <param name="ArgMax">The predicted class when the model ends in Softmax; otherwise null.</param>
public sealed record InferenceClaim(IReadOnlyList<long> Input, IReadOnlyList<long> Output, int? ArgMax)
{
    /// <summary>The Poseidon commitment to the private weights (<see cref="PrivateWeightsOpening.Commitment"/>); null with public weights.</summary>
    public FieldElement? WeightsCommitment { get; init; }

    /// <summary>The Poseidon commitment to the quantized input (<see cref="CommittedInputOpening.Commitment"/>); null with a public input.</summary>
    public FieldElement? InputCommitment { get; init; }
}
