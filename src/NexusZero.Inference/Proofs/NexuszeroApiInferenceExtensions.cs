using NexusZero.Circuits;
using NexusZero.Diagnostics;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>Proof of inference through <see cref="NexuszeroApi"/> (Groth16 over BN254, so the facade's security level must be 100).</summary>
public static class NexuszeroApiInferenceExtensions
{
    /// <summary>
    /// Runs the quantized model on <paramref name="input"/> and proves, through the pipeline, that the model whose
    /// commitment and verifying key are in <paramref name="keys"/> maps the quantized input to the output. Verify
    /// with <c>api.Verify(bytes, keys.Statement(claim))</c>.
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="keys">The model's keys, as the verifier trusts them.</param>
    /// <param name="input">The input row (reals; quantized with the model's scale).</param>
    /// <param name="options">The context; <see cref="InferenceProofOptions.Default"/> when null.</param>
    /// <returns>The proof, the claim and the per-layer constraint counts.</returns>
    /// <exception cref="ArgumentException">The input does not fit the model (length, range, NaN).</exception>
    /// <exception cref="NexusZeroException">As <see cref="NexuszeroApi.Prove"/>.</exception>
    public static InferenceProof ProveInference(this NexuszeroApi api, InferenceCircuitKeys keys, ReadOnlySpan<double> input, InferenceProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(keys);
        var trace = keys.Model.Evaluate(keys.Model.QuantizeInput(input));
        return api.ProveTrace(keys, trace, options ?? InferenceProofOptions.Default);
    }

    /// <summary>Proves a given trace; tests pass a changed one to show that it cannot be proven.</summary>
    internal static InferenceProof ProveTrace(this NexuszeroApi api, InferenceCircuitKeys keys, QuantizedTrace trace, InferenceProofOptions options)
    {
        var claim = new InferenceClaim([.. trace.Input], [.. trace.Output], trace.ArgMax);
        var statement = keys.Statement(claim);
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), keys.Model, trace);
        var assignment = circuit.CopyWitness();
        circuit.ClearWitness();
        try
        {
            using var witness = new CircuitWitness(keys.ProvingKey, circuit.System, assignment);
            var result = api.Prove(new ProofRequest(Groth16ProofSystem.Instance, statement, witness, options.Context));
            var figures = new List<MetricFigure>(result.Metrics.Figures)
            {
                new("inference.constraints", circuit.System.ConstraintCount, "constraints"),
                new("inference.inputScaleBits", keys.Model.Options.InputScaleBits, "bits"),
                new("inference.parameterScaleBits", keys.Model.Options.ParameterScaleBits, "bits"),
            };
            figures.AddRange(layers.Select(l => new MetricFigure($"inference.layer.{l.Layer}.constraints", l.Constraints, "constraints")));
            return new InferenceProof(result with { Metrics = result.Metrics with { Figures = figures } }, claim, layers);
        }
        finally
        {
            Array.Clear(assignment);
        }
    }
}
