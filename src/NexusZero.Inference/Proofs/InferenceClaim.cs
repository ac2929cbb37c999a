using NexusZero.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// What a proof of inference asserts, in the model's fixed point: the model with commitment C maps
/// <see cref="Input"/> to <see cref="Output"/> (and, when it ends in Softmax, the first maximal logit is
/// <see cref="ArgMax"/>). Real values are q / 2^InputScaleBits. With public weights C is the model's SHA-256
/// commitment, which the keys hold; with private weights it is <see cref="WeightsCommitment"/>.
/// </summary>
/// <param name="Input">The quantized input.</param>
/// <param name="Output">The quantized output (the logits when the model ends in Softmax).</param>
/// <param name="ArgMax">The predicted class when the model ends in Softmax; otherwise null.</param>
public sealed record InferenceClaim(IReadOnlyList<long> Input, IReadOnlyList<long> Output, int? ArgMax)
{
    /// <summary>The Poseidon commitment to the private weights (<see cref="PrivateWeightsOpening.Commitment"/>); null with public weights.</summary>
    public FieldElement? WeightsCommitment { get; init; }
}
