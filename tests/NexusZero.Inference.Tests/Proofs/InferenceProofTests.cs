using System.Diagnostics;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Circuits;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using Xunit.Abstractions;

namespace NexusZero.Inference.Tests.Proofs;

/// <summary>ProveInference end to end with Groth16: one key per model, made once for the class.</summary>
public sealed class InferenceProofTests(InferenceProofTests.MlpKeys fixture, ITestOutputHelper output) : IClassFixture<InferenceProofTests.MlpKeys>
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    private readonly InferenceCircuitKeys _keys = fixture.Keys;

    /// <summary>The MLP's keys, shared by the tests (a local setup is the slow part).</summary>
    public sealed class MlpKeys
    {
        public InferenceCircuitKeys Keys { get; } = InferenceCircuitKeys.CreateWithLocalSetup(InferenceCircuitTests.Quantized("mlp"));
    }

    [Fact]
    public void AProofVerifiesForItsClaimAndReportsItsLayers()
    {
        var input = TestModels.Inputs(1, 4, seed: 3)[0];
        var stopwatch = Stopwatch.StartNew();
        var proof = Api.ProveInference(_keys, input, new InferenceProofOptions { Context = "request-1"u8.ToArray() });
        var proveTime = stopwatch.Elapsed;
        var bytes = proof.ToBytes();
        stopwatch.Restart();
        Assert.True(Api.Verify(bytes, _keys.Statement(proof.Claim)).IsValid);
        output.WriteLine($"MLP, {_keys.ConstraintCount} constraints: prove {proveTime.TotalMilliseconds:F0} ms, verify {stopwatch.Elapsed.TotalMilliseconds:F0} ms, envelope {bytes.Length} bytes");

        var model = _keys.Model;
        var expected = model.Evaluate(model.QuantizeInput(input));
        Assert.Equal(expected.Output, proof.Claim.Output);
        Assert.Equal(expected.ArgMax, proof.Claim.ArgMax);
        Assert.Equal(_keys.Layers, proof.Layers);
        Assert.Contains(proof.Proof.Metrics.Figures, f => f.Name == "inference.layer.gemm_0.constraints" && f.Value == proof.Layers.Single(l => l.Layer == "gemm_0").Constraints);
        Assert.Contains(proof.Proof.Metrics.Figures, f => f.Name == "inference.constraints" && f.Value == _keys.ConstraintCount);
    }

    [Fact]
    public void EveryProofReportsItsQuantizationErrorAgainstTheFloatModel()
    {
        var input = TestModels.Inputs(1, 4, seed: 6)[0];
        using var onnx = new OnnxReferenceModel(TestModels.Mlp());

        // Independently of the report's code: the proven logits dequantized by hand, a float Softmax, ONNX Runtime.
        var proof = Api.ProveInference(_keys, input);
        var scale = Math.Pow(2, _keys.Model.Options.InputScaleBits);
        var logits = proof.Claim.Output.Select(q => q / scale).ToArray();
        var exp = logits.Select(v => Math.Exp(v - logits.Max())).ToArray();
        var probabilities = exp.Select(v => v / exp.Sum()).ToArray();
        var expected = onnx.Run(input);
        var maxError = probabilities.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
        var agrees = Array.IndexOf(probabilities, probabilities.Max()) == Array.IndexOf(expected, expected.Max());
        Assert.True(maxError > 0, "a quantized model that matches the float one exactly would not test the figure");

        // Without a session: against the imported graph's float evaluation, which is within 1e-5 of ONNX Runtime.
        var report = proof.Quantization;
        Assert.Equal(QuantizationReference.ImportedModel, report.Reference);
        Assert.Equal(1, report.Rows);
        Assert.True(Math.Abs(report.MaxAbsoluteError - maxError) < 1e-5, $"report {report.MaxAbsoluteError}, by hand {maxError}");
        Assert.Equal(agrees ? 1.0 : 0.0, report.ArgMaxAgreement);
        Assert.Contains(proof.Proof.Metrics.Figures, f => f.Name == "inference.quantization.maxAbsError" && f.Value == report.MaxAbsoluteError);
        Assert.Contains(proof.Proof.Metrics.Figures, f => f.Name == "inference.quantization.argmaxAgrees" && f.Value == report.ArgMaxAgreement);

        // With the caller's session: against ONNX Runtime itself, to rounding.
        var measured = Api.ProveInference(_keys, input, new InferenceProofOptions { Reference = onnx }).Quantization;
        Assert.Equal(QuantizationReference.OnnxRuntime, measured.Reference);
        Assert.True(Math.Abs(measured.MaxAbsoluteError - maxError) < 1e-12, $"report {measured.MaxAbsoluteError}, by hand {maxError}");
        Assert.True(measured.ImportMaxAbsoluteError < 1e-5, $"import error {measured.ImportMaxAbsoluteError}");
    }

    [Fact]
    public void AProofDoesNotVerifyForAnotherOutputInputOrModel()
    {
        var proof = Api.ProveInference(_keys, TestModels.Inputs(1, 4, seed: 4)[0]);
        var bytes = proof.ToBytes();
        var claim = proof.Claim;

        var otherOutput = claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] };
        var otherArgMax = claim with { ArgMax = (claim.ArgMax + 1) % 3 };
        var otherInput = claim with { Input = [claim.Input[0] - 1, .. claim.Input.Skip(1)] };
        foreach (var wrong in new[] { otherOutput, otherArgMax, otherInput })
        {
            Assert.False(Api.Verify(bytes, _keys.Statement(wrong)).IsValid);

            // Not only the envelope's statement check: the Groth16 proof itself fails for the other statement.
            Assert.False(Groth16ProofSystem.Instance.Verify(_keys.Statement(wrong), ProofEnvelope.Parse(bytes).Payload.Span, Groth16Parameters.Bn254, default).IsValid);
        }

        // Another model commitment under the same verifying key.
        var honest = _keys.Statement(claim);
        var inputs = honest.PublicInputs.ToArray();
        inputs[claim.Output.Count + 1] += NexusZero.Circuits.FieldElement.One;
        var otherModel = new CircuitStatement(_keys.VerifyingKey, inputs);
        Assert.False(Api.Verify(bytes, otherModel).IsValid);
        Assert.False(Groth16ProofSystem.Instance.Verify(otherModel, ProofEnvelope.Parse(bytes).Payload.Span, Groth16Parameters.Bn254, default).IsValid);
        Assert.True(Groth16ProofSystem.Instance.Verify(honest, ProofEnvelope.Parse(bytes).Payload.Span, Groth16Parameters.Bn254, default).IsValid);
    }

    [Fact]
    public void AnyChangedByteIsRejected()
    {
        var proof = Api.ProveInference(_keys, TestModels.Inputs(1, 4, seed: 5)[0]);
        var bytes = proof.ToBytes();
        var statement = _keys.Statement(proof.Claim);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x04;
            Assert.False(Api.Verify(changed, statement).IsValid, $"byte {i} of {bytes.Length}");
        }
    }

    [Fact]
    public void AWrongActivationOrWeightCannotBeProven()
    {
        var model = _keys.Model;
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, 4, seed: 6)[0]));
        var hidden = model.Layers.OfType<QuantizedAffine>().First();
        trace.Values[hidden.Output][2] += 1;
        var error = Assert.Throws<NexusZeroException>(() => Api.ProveTrace(_keys, trace, InferenceProofOptions.Default));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);

        // One weight changed: another circuit, which the model's proving key was not made for.
        var tampered = ModelQuantizer.Quantize(new NexusZero.Inference.Graph.ImportedModel(
            model.Source.Values,
            [.. model.Source.Layers.Select((l, i) => i == 0 && l is NexusZero.Inference.Graph.AffineLayer a ? a with { Weights = [a.Weights[0] + 0.25, .. a.Weights.Skip(1)] } : l)],
            model.Source.Input,
            model.Source.Output,
            model.Source.SoftmaxAtOutput,
            model.Source.InputName,
            model.Source.OutputName));
        Assert.NotEqual(model.Commitment.ToArray(), tampered.Commitment.ToArray());
        var wrongTrace = tampered.Evaluate(trace.Input.ToArray());
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => Api.ProveTrace(_keys, wrongTrace, InferenceProofOptions.Default)).Kind);

        // A prover that goes around the API: the tampered circuit (same shape) with the model's proving key.
        // The prover runs, but the proof does not verify: the key's queries encode the honest weights.
        var (circuit, _) = InferenceCircuit.Build(NexusZero.Circuits.CircuitBuilder.ForProving(), tampered, wrongTrace);
        var publicValues = circuit.PublicValues.Take(circuit.System.PublicCount - 1).ToArray();
        var forged = new CircuitStatement(_keys.VerifyingKey, publicValues);
        using var witness = new CircuitWitness(_keys.ProvingKey, circuit.System, circuit.Witness);
        var payload = Groth16ProofSystem.Instance.Prove(forged, witness, Groth16Parameters.Bn254, default);
        Assert.False(Groth16ProofSystem.Instance.Verify(forged, payload, Groth16Parameters.Bn254, default).IsValid);
    }

    [Fact]
    public void BadInputsAreRefusedBeforeProving()
    {
        Assert.Throws<ArgumentException>(() => Api.ProveInference(_keys, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => Api.ProveInference(_keys, [1, 2, 3, 1000]));
        Assert.Throws<ArgumentException>(() => _keys.Statement(new InferenceClaim([0, 0, 0, 0], [0, 0, 0], null)));
        Assert.Throws<ArgumentException>(() => _keys.Statement(new InferenceClaim([0, 0, 0, 0], [0, 0, 0], 3)));
    }
}
