using NexusZero.Circuits;
using NexusZero.Diagnostics;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// Proof of inference through <see cref="NexuszeroApi"/>: Groth16 over BN254 with <see cref="InferenceCircuitKeys"/> (the
/// facade's security level must be 100), or the post-quantum backend with <see cref="PostQuantumInferenceCircuit"/>
/// (100 or 128). The caller chooses by what it passes; the statement's public values are the same.
/// </summary>
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
    /// <param name="options">The context, the weights' opening for private weights, and the input visibility (the keys'); <see cref="InferenceProofOptions.Default"/> when null.</param>
    /// <returns>The proof, the claim (with the weights commitment for private weights; the input commitment and no input values for a committed input), the input's opening (committed input), the per-layer constraint counts and the row's quantization error.</returns>
    /// <exception cref="ArgumentException">The input does not fit the model (length, range, NaN), the weights' opening is missing (private weights), extra (public) or for another model, the options' input visibility is not the keys', or the options' ONNX Runtime reference returns another number of outputs than the model.</exception>
    /// <exception cref="NexusZeroException">As <see cref="NexuszeroApi.Prove"/>.</exception>
    public static InferenceProof ProveInference(this NexuszeroApi api, InferenceCircuitKeys keys, ReadOnlySpan<double> input, InferenceProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= InferenceProofOptions.Default;
        var trace = keys.Model.Evaluate(keys.Model.QuantizeInput(input));
        return api.ProveTrace(keys, trace, options, input.ToArray());
    }

    /// <summary>
    /// As the Groth16 overload, with the post-quantum backend (Ligero): no keys, the circuit is what the verifier pins.
    /// Verify with <c>api.Verify(bytes, circuit.Statement(claim))</c>.
    /// </summary>
    /// <param name="api">The facade (security level 100 or 128).</param>
    /// <param name="circuit">The model's circuit, as the verifier trusts it.</param>
    /// <param name="input">The input row (reals; quantized with the model's scale).</param>
    /// <param name="options">The context, and the weights' opening for private weights; <see cref="InferenceProofOptions.Default"/> when null.</param>
    /// <returns>The proof, the claim, the per-layer constraint counts and the row's quantization error.</returns>
    /// <exception cref="ArgumentException">As the Groth16 overload.</exception>
    /// <exception cref="NexusZeroException">As <see cref="NexuszeroApi.Prove"/>.</exception>
    public static InferenceProof ProveInference(this NexuszeroApi api, PostQuantumInferenceCircuit circuit, ReadOnlySpan<double> input, InferenceProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(circuit);
        options ??= InferenceProofOptions.Default;
        var trace = circuit.Model.Evaluate(circuit.Model.QuantizeInput(input));
        return api.ProveTrace(circuit, trace, options, input.ToArray());
    }

    /// <summary>
    /// Proves a given trace with Groth16; tests pass a changed one to show that it cannot be proven. The quantization
    /// error is measured for <paramref name="input"/>, the row the trace was computed from (the trace's dequantized input when null).
    /// </summary>
    internal static InferenceProof ProveTrace(this NexuszeroApi api, InferenceCircuitKeys keys, QuantizedTrace trace, InferenceProofOptions options, double[]? input = null) =>
        Prove(keys.Model, new InferenceCircuitShape(keys.Weights, ContextWire: true, keys.Input), trace, input, options, (claim, system, assignment) =>
        {
            using var witness = new CircuitWitness(keys.ProvingKey, system, assignment);
            return api.Prove(new ProofRequest(Groth16ProofSystem.Instance, keys.Statement(claim), witness, options.Context));
        });

    /// <summary>Proves a given trace with the post-quantum backend; <paramref name="input"/> as for Groth16.</summary>
    internal static InferenceProof ProveTrace(this NexuszeroApi api, PostQuantumInferenceCircuit circuit, QuantizedTrace trace, InferenceProofOptions options, double[]? input = null) =>
        Prove(circuit.Model, PostQuantumInferenceCircuit.Shape(circuit.Weights, circuit.Input), trace, input, options, (claim, system, assignment) =>
        {
            using var witness = new CircuitAssignment(system, assignment);
            return api.Prove(new ProofRequest(LigeroProofSystem.Instance, circuit.Statement(claim), witness, options.Context));
        });

    private static void CheckOpening(QuantizedModel model, WeightVisibility weights, PrivateWeightsOpening? opening)
    {
        if (weights == WeightVisibility.Public)
        {
            if (opening is not null)
            {
                throw new ArgumentException("The keys are for public weights: pass no weights opening.", "options");
            }

            return;
        }

        if (opening is null)
        {
            throw new ArgumentException("The keys are for private weights: InferenceProofOptions.Weights must hold the weights' opening.", "options");
        }

        if (!opening.IsFor(model))
        {
            throw new ArgumentException("The weights' opening was made for another model than the keys'.", "options");
        }
    }

    private static void CheckInput(InputVisibility keys, InputVisibility asked)
    {
        if (keys != asked)
        {
            throw new ArgumentException($"The keys are for a {Describe(keys)} input but InferenceProofOptions.Input asks for a {Describe(asked)} one.", "options");
        }

        static string Describe(InputVisibility v) => v == InputVisibility.Committed ? "committed" : "public";
    }

    private static InferenceProof Prove(QuantizedModel model, InferenceCircuitShape shape, QuantizedTrace trace, double[]? input, InferenceProofOptions options, Func<InferenceClaim, ConstraintSystem, FieldElement[], ProofResult> prove)
    {
        var weights = shape.Weights;
        CheckOpening(model, weights, options.Weights);
        CheckInput(shape.Input, options.Input);

        // Measured before proving, so that a reference that does not fit the model fails before the costly part.
        var quantization = QuantizationReport.MeasureRow(model, trace, input ?? [.. trace.Input.Select(model.Dequantize)], options.Reference);
        var blinding = weights == WeightVisibility.Private ? options.Weights!.Blinding : default;
        var inputOpening = shape.Input == InputVisibility.Committed ? CommittedInputOpening.Create(model, trace.Input) : null;
        try
        {
            var claim = new InferenceClaim(inputOpening is null ? [.. trace.Input] : [], [.. trace.Output], trace.ArgMax)
            {
                WeightsCommitment = weights == WeightVisibility.Private ? options.Weights!.Commitment : null,
                InputCommitment = inputOpening?.Commitment,
            };
            var proof = Prove(model, shape, trace, claim, quantization, blinding, inputOpening is null ? default : inputOpening.Blinding, prove);
            return proof with { InputOpening = inputOpening };
        }
        catch
        {
            inputOpening?.Dispose();
            throw;
        }
    }

    private static InferenceProof Prove(QuantizedModel model, InferenceCircuitShape shape, QuantizedTrace trace, InferenceClaim claim, QuantizationReport quantization, FieldElement blinding, FieldElement inputBlinding, Func<InferenceClaim, ConstraintSystem, FieldElement[], ProofResult> prove)
    {
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, shape, blinding, inputBlinding);
        var assignment = circuit.CopyWitness();
        circuit.ClearWitness();
        try
        {
            var result = prove(claim, circuit.System, assignment);
            var figures = new List<MetricFigure>(result.Metrics.Figures)
            {
                new("inference.constraints", circuit.System.ConstraintCount, "constraints"),
                new("inference.inputScaleBits", model.Options.InputScaleBits, "bits"),
                new("inference.parameterScaleBits", model.Options.ParameterScaleBits, "bits"),
            };
            figures.AddRange(layers.Select(l => new MetricFigure($"inference.layer.{l.Layer}.constraints", l.Constraints, "constraints")));
            figures.Add(new("inference.quantization.maxAbsError", quantization.MaxAbsoluteError));
            figures.Add(new("inference.quantization.argmaxAgrees", quantization.ArgMaxAgreement));
            return new InferenceProof(result with { Metrics = result.Metrics with { Figures = figures } }, claim, layers) { Quantization = quantization };
        }
        finally
        {
            Array.Clear(assignment);
        }
    }
}
