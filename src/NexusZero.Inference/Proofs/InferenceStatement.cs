using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The public values of a proof of inference, the same for both backends: the outputs, the argmax (Softmax models),
/// the model commitment (public weights: the SHA-256 commitment's two 128-bit halves; private: the weights tag
/// <see cref="WeightsCommitment.Tag"/>, then the Poseidon commitment), and the inputs (committed: the input tag and
/// the input's Poseidon commitment instead). One place for the layout, so that a verifier holding only the verifying
/// key (a receipt's) builds the same statement as <see cref="InferenceCircuitKeys.Statement"/>.
/// </summary>
internal static class InferenceStatement
{
    public static List<FieldElement> PublicValues(QuantizedModel model, WeightVisibility weights, InputVisibility input, InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var source = model.Source;
        if (input == InputVisibility.Committed)
        {
            if (claim.InputCommitment is null || claim.Input.Count != 0)
            {
                throw new ArgumentException("The keys are for a committed input: the claim carries the input commitment and no input values.", nameof(claim));
            }
        }
        else if (claim.InputCommitment is not null)
        {
            throw new ArgumentException("The keys are for a public input: the claim carries no input commitment.", nameof(claim));
        }

        var inputs = input == InputVisibility.Committed ? source.InputSize : claim.Input.Count;
        if (inputs != source.InputSize || claim.Output.Count != source.OutputSize)
        {
            throw new ArgumentException($"The model maps {source.InputSize} inputs to {source.OutputSize} outputs; the claim has {claim.Input.Count} and {claim.Output.Count}.", nameof(claim));
        }

        if (source.SoftmaxAtOutput != claim.ArgMax.HasValue || claim.ArgMax is < 0 || claim.ArgMax >= source.OutputSize)
        {
            throw new ArgumentException(source.SoftmaxAtOutput ? $"The model ends in Softmax: the claim needs an argmax in 0 … {source.OutputSize - 1}." : "The model has no Softmax: the claim has no argmax.", nameof(claim));
        }

        if ((weights == WeightVisibility.Private) != claim.WeightsCommitment.HasValue)
        {
            throw new ArgumentException(weights == WeightVisibility.Private ? "The keys are for private weights: the claim needs the weights commitment." : "The keys are for public weights: the claim carries no weights commitment.", nameof(claim));
        }

        return claim.WeightsCommitment is FieldElement commitment
            ? Layout(claim, PrivateModelValues(commitment))
            : Layout(claim, PreimageCircuit.DigestInputs(model.Commitment.Span));
    }

    /// <summary>
    /// The statement "the circuit of <paramref name="key"/>, labelled with this (public-weights) commitment, maps the
    /// claim's input (its values, or its commitment when the claim carries one) to its output".
    /// </summary>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes, the claim carries a weights commitment, or it has both input values and an input commitment.</exception>
    public static CircuitStatement Build(Groth16VerifyingKey key, ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
    {
        CheckInputForm(claim);
        if (claim.WeightsCommitment is not null)
        {
            throw new ArgumentException("The claim carries a weights commitment: it is about private weights, not a public model commitment.", nameof(claim));
        }

        return new(key, Layout(claim, PreimageCircuit.DigestInputs(modelCommitment)));
    }

    /// <summary>
    /// The statement "the private-weights circuit of <paramref name="key"/>, with the weights the claim's weights
    /// commitment opens to, maps the claim's input (or input commitment) to its output".
    /// </summary>
    /// <exception cref="ArgumentException">The claim carries no weights commitment, or both input values and an input commitment.</exception>
    public static CircuitStatement BuildPrivate(Groth16VerifyingKey key, InferenceClaim claim)
    {
        CheckInputForm(claim);
        return claim.WeightsCommitment is FieldElement commitment
            ? new(key, Layout(claim, PrivateModelValues(commitment)))
            : throw new ArgumentException("A private-weights statement needs the claim's weights commitment.", nameof(claim));
    }

    /// <summary>The model's two public values with private weights: the pinned weights tag, then the commitment.</summary>
    private static FieldElement[] PrivateModelValues(FieldElement commitment) => [WeightsCommitment.Tag, commitment];

    private static void CheckInputForm(InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.InputCommitment is not null && claim.Input.Count != 0)
        {
            throw new ArgumentException("A claim names its input by values or by commitment, not both.", nameof(claim));
        }
    }

    private static List<FieldElement> Layout(InferenceClaim claim, FieldElement[] commitment)
    {
        var inputs = new List<FieldElement>(claim.Output.Count + 3 + claim.Input.Count);
        inputs.AddRange(claim.Output.Select(FieldElement.FromInt64));
        if (claim.ArgMax is int argMax)
        {
            inputs.Add(FieldElement.FromInt64(argMax));
        }

        inputs.AddRange(commitment);
        if (claim.InputCommitment is FieldElement input)
        {
            inputs.Add(InputCommitment.Tag);
            inputs.Add(input);
        }
        else
        {
            inputs.AddRange(claim.Input.Select(FieldElement.FromInt64));
        }

        return inputs;
    }
}
