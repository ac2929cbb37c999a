using NexusZero.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The public values of a proof of inference, the same for both backends: the outputs, the argmax (Softmax models),
/// the model commitment (public weights: the SHA-256 commitment's two halves; private: the Poseidon commitment), and
/// the inputs. One place for the layout, so that a verifier holding only the verifying key (a receipt's) builds the
/// same statement as <see cref="InferenceCircuitKeys.Statement"/>.
/// </summary>
internal static class InferenceStatement
{
    public static List<FieldElement> PublicValues(QuantizedModel model, WeightVisibility weights, InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var source = model.Source;
        if (claim.Input.Count != source.InputSize || claim.Output.Count != source.OutputSize)
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
            ? Layout(claim, [commitment])
            : Layout(claim, PreimageCircuit.DigestInputs(model.Commitment.Span));
    }

    /// <summary>The statement "the circuit of <paramref name="key"/>, labelled with this (public-weights) commitment, maps the claim's input to its output".</summary>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes.</exception>
    public static CircuitStatement Build(Groth16VerifyingKey key, ReadOnlySpan<byte> modelCommitment, InferenceClaim claim) =>
        new(key, Layout(claim, PreimageCircuit.DigestInputs(modelCommitment)));

    private static List<FieldElement> Layout(InferenceClaim claim, FieldElement[] commitment)
    {
        var inputs = new List<FieldElement>(claim.Output.Count + 3 + claim.Input.Count);
        inputs.AddRange(claim.Output.Select(FieldElement.FromInt64));
        if (claim.ArgMax is int argMax)
        {
            inputs.Add(FieldElement.FromInt64(argMax));
        }

        inputs.AddRange(commitment);
        inputs.AddRange(claim.Input.Select(FieldElement.FromInt64));
        return inputs;
    }
}
