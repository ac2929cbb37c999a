using System.Diagnostics;
using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Tests.Circuits;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using Xunit.Abstractions;

namespace NexusZero.Inference.Tests.Proofs;

/// <summary>ProveInference with the post-quantum backend (Ligero) on the small MLP, public and private weights.</summary>
public sealed class PostQuantumInferenceProofTests(ITestOutputHelper output)
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    private static readonly PostQuantumInferenceCircuit PublicCircuit = PostQuantumInferenceCircuit.Create(InferenceCircuitTests.Quantized("mlp"));

    private static readonly PostQuantumInferenceCircuit PrivateCircuit = PostQuantumInferenceCircuit.Create(InferenceCircuitTests.Quantized("mlp"), WeightVisibility.Private);

    [Fact]
    public void APublicWeightsProofVerifiesAndNotForAnotherOutputInputOrModel()
    {
        var stopwatch = Stopwatch.StartNew();
        var proof = Api.ProveInference(PublicCircuit, TestModels.Inputs(1, 4, seed: 3)[0], new InferenceProofOptions { Context = "request-1"u8.ToArray() });
        var proveTime = stopwatch.Elapsed;
        var bytes = proof.ToBytes();
        var claim = proof.Claim;
        stopwatch.Restart();
        Assert.True(Api.Verify(bytes, PublicCircuit.Statement(claim)).IsValid);
        output.WriteLine($"MLP, {PublicCircuit.ConstraintCount} constraints, Ligero: prove {proveTime.TotalMilliseconds:F0} ms, verify {stopwatch.Elapsed.TotalMilliseconds:F0} ms, envelope {bytes.Length} bytes");
        Assert.Equal(ProofSystemId.LigeroR1cs, ProofEnvelope.Parse(bytes).ProofSystem);

        var honest = PublicCircuit.Statement(claim);
        var inputs = honest.PublicInputs.ToArray();
        inputs[claim.Output.Count + 1] += FieldElement.One;
        var wrongs = new[]
        {
            PublicCircuit.Statement(claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] }),
            PublicCircuit.Statement(claim with { ArgMax = (claim.ArgMax + 1) % 3 }),
            PublicCircuit.Statement(claim with { Input = [claim.Input[0] - 1, .. claim.Input.Skip(1)] }),
            new CircuitStatement(PublicCircuit.System, inputs),
        };
        var payload = ProofEnvelope.Parse(bytes).Payload;
        foreach (var wrong in wrongs)
        {
            Assert.False(Api.Verify(bytes, wrong).IsValid);
            Assert.False(LigeroProofSystem.Instance.Verify(wrong, payload.Span, LigeroParameters.Bits100, "request-1"u8).IsValid);
        }

        Assert.True(LigeroProofSystem.Instance.Verify(honest, payload.Span, LigeroParameters.Bits100, "request-1"u8).IsValid);
        Assert.False(LigeroProofSystem.Instance.Verify(honest, payload.Span, LigeroParameters.Bits100, "request-2"u8).IsValid);
    }

    [Fact]
    public void TheStatementsPublicValuesAreTheGroth16Ones()
    {
        var model = PublicCircuit.Model;
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, 4, seed: 9)[0]));
        var claim = new InferenceClaim([.. trace.Input], [.. trace.Output], trace.ArgMax);
        var (groth16, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
        Assert.Equal(groth16.PublicValues.SkipLast(1), PublicCircuit.Statement(claim).PublicInputs);
        Assert.Equal(groth16.System.PublicCount - 1, PublicCircuit.System.PublicCount);
    }

    [Fact]
    public void ChangedBytesAreRejected()
    {
        var proof = Api.ProveInference(PublicCircuit, TestModels.Inputs(1, 4, seed: 5)[0]);
        var bytes = proof.ToBytes();
        var statement = PublicCircuit.Statement(proof.Claim);

        // Every byte of the header and statement, then a spread of the (large) payload, and the last byte.
        var payloadStart = bytes.Length - ProofEnvelope.Parse(bytes).Payload.Length;
        var positions = Enumerable.Range(0, payloadStart).Concat(Enumerable.Range(0, 256).Select(i => payloadStart + (int)((long)i * (bytes.Length - payloadStart) / 256))).Append(bytes.Length - 1).Distinct();
        foreach (var i in positions)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            Assert.False(Api.Verify(changed, statement).IsValid, $"byte {i} of {bytes.Length}");
        }
    }

    [Fact]
    public void APrivateWeightsProofVerifiesOnlyForItsCommitment()
    {
        using var opening = PrivateWeightsOpening.Create(PrivateCircuit.Model);
        var proof = Api.ProveInference(PrivateCircuit, TestModels.Inputs(1, 4, seed: 4)[0], new InferenceProofOptions { Weights = opening });
        var bytes = proof.ToBytes();
        var claim = proof.Claim;
        Assert.Equal(opening.Commitment, claim.WeightsCommitment);
        Assert.True(Api.Verify(bytes, PrivateCircuit.Statement(claim)).IsValid);

        using var reblinded = PrivateWeightsOpening.Create(PrivateCircuit.Model);
        Assert.False(Api.Verify(bytes, PrivateCircuit.Statement(claim with { WeightsCommitment = reblinded.Commitment })).IsValid);
        Assert.False(Api.Verify(bytes, PrivateCircuit.Statement(claim with { Output = [claim.Output[0] - 1, .. claim.Output.Skip(1)] })).IsValid);
        Assert.False(Api.Verify(bytes, PrivateCircuit.Statement(claim with { Input = [claim.Input[0] + 1, .. claim.Input.Skip(1)] })).IsValid);
        var changed = (byte[])bytes.Clone();
        changed[^100] ^= 0x80;
        Assert.False(Api.Verify(changed, PrivateCircuit.Statement(claim)).IsValid);

        // The weights tag precedes W, as in the Groth16 statement; with it changed the proof is not about the statement,
        // and the circuit refuses any other value in its place.
        var values = PrivateCircuit.Statement(claim).PublicInputs.ToArray();
        var at = claim.Output.Count + 1;
        Assert.Equal(WeightsCommitment.Tag, values[at]);
        Assert.Equal(opening.Commitment, values[at + 1]);
        values[at] += FieldElement.One;
        Assert.False(Api.Verify(bytes, new CircuitStatement(PrivateCircuit.System, values)).IsValid);
        var model = PrivateCircuit.Model;
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, 4, seed: 4)[0])), PostQuantumInferenceCircuit.Shape(WeightVisibility.Private), opening.Blinding);
        var forged = circuit.CopyWitness();
        forged[1 + at] = FieldElement.Zero;
        Assert.Equal("weights commitment tag", circuit.System.IsSatisfied(forged).FailingConstraintName);
    }

    [Fact]
    public void AWrongWeightOrActivationCannotBeProven()
    {
        var model = PrivateCircuit.Model;
        using var opening = PrivateWeightsOpening.Create(model);
        var input = model.QuantizeInput(TestModels.Inputs(1, 4, seed: 6)[0]);

        // A changed activation: the prover refuses.
        var trace = model.Evaluate(input);
        trace.Values[model.Layers.OfType<NexusZero.Inference.Quantization.QuantizedAffine>().First().Output][0] -= 1;
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => Api.ProveTrace(PrivateCircuit, trace, new InferenceProofOptions { Weights = opening })).Kind);

        // One weight changed under the published commitment: the circuit is not satisfied, so Ligero will not prove it.
        var tampered = PrivateWeights.WithOneWeightChanged(model);
        var wrongTrace = tampered.Evaluate(input);
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), tampered, wrongTrace, PostQuantumInferenceCircuit.Shape(WeightVisibility.Private), opening.Blinding);
        var forged = circuit.CopyWitness();
        var commitmentWire = 1 + model.Source.OutputSize + 1;
        forged[commitmentWire] = opening.Commitment;
        var claim = new InferenceClaim([.. wrongTrace.Input], [.. wrongTrace.Output], wrongTrace.ArgMax) { WeightsCommitment = opening.Commitment };
        using var witness = new CircuitAssignment(circuit.System, forged);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => LigeroProofSystem.Instance.Prove(PrivateCircuit.Statement(claim), witness, LigeroParameters.Bits100, default)).Kind);
    }

    [Fact]
    public void PublicWeightsKeysRefuseAnOpening()
    {
        using var opening = PrivateWeightsOpening.Create(PublicCircuit.Model);
        Assert.Throws<ArgumentException>(() => Api.ProveInference(PublicCircuit, TestModels.Inputs(1, 4)[0], new InferenceProofOptions { Weights = opening }));
        Assert.Throws<ArgumentException>(() => Api.ProveInference(PrivateCircuit, TestModels.Inputs(1, 4)[0]));
    }
}
