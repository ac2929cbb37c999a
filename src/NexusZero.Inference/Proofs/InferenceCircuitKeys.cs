using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The Groth16 keys of one quantized model's circuit. The weights are constants of the circuit, so the
/// verifying key pins them: a verifier that made (or trusts) these keys for this model accepts proofs about
/// this model only. <see cref="Statement"/> builds the expected statement for a claimed inference.
/// </summary>
public sealed class InferenceCircuitKeys
{
    private InferenceCircuitKeys(QuantizedModel model, Groth16ProvingKey provingKey, IReadOnlyList<LayerConstraintCount> layers, int constraints)
    {
        Model = model;
        ProvingKey = provingKey;
        Layers = layers;
        ConstraintCount = constraints;
    }

    /// <summary>The quantized model.</summary>
    public QuantizedModel Model { get; }

    /// <summary>The proving key.</summary>
    public Groth16ProvingKey ProvingKey { get; }

    /// <summary>The verifying key: what the verifier pins.</summary>
    public Groth16VerifyingKey VerifyingKey => ProvingKey.VerifyingKey;

    /// <summary>Constraints per layer.</summary>
    public IReadOnlyList<LayerConstraintCount> Layers { get; }

    /// <summary>The circuit's constraint count.</summary>
    public int ConstraintCount { get; }

    /// <summary>
    /// Keys from a setup with this machine's randomness (<see cref="Groth16DevelopmentSetup"/>): convincing to the
    /// party that ran it (a verifier making keys for the models it accepts), nobody else.
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentException">The circuit is larger than the development setup supports.</exception>
    public static InferenceCircuitKeys CreateWithLocalSetup(QuantizedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null);
        return new InferenceCircuitKeys(model, Groth16DevelopmentSetup.CreateKeys(circuit.System), layers, circuit.System.ConstraintCount);
    }

    /// <summary>The statement "this model maps claim.Input to claim.Output", carrying the verifying key.</summary>
    /// <param name="claim">The claimed inference.</param>
    /// <returns>The statement to verify against.</returns>
    /// <exception cref="ArgumentException">The claim's sizes do not fit the model, or the argmax is missing, extra or out of range.</exception>
    public CircuitStatement Statement(InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var source = Model.Source;
        if (claim.Input.Count != source.InputSize || claim.Output.Count != source.OutputSize)
        {
            throw new ArgumentException($"The model maps {source.InputSize} inputs to {source.OutputSize} outputs; the claim has {claim.Input.Count} and {claim.Output.Count}.", nameof(claim));
        }

        if (source.SoftmaxAtOutput != claim.ArgMax.HasValue || claim.ArgMax is < 0 || claim.ArgMax >= source.OutputSize)
        {
            throw new ArgumentException(source.SoftmaxAtOutput ? $"The model ends in Softmax: the claim needs an argmax in 0 … {source.OutputSize - 1}." : "The model has no Softmax: the claim has no argmax.", nameof(claim));
        }

        return InferenceStatement.Build(VerifyingKey, Model.Commitment.Span, claim);
    }
}
