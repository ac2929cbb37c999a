using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Tests.Circuits;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Tests.Proofs;

/// <summary>ProveInference with private, committed weights and Groth16: one key, made once for the class.</summary>
public sealed class PrivateWeightsProofTests(PrivateWeightsProofTests.PrivateKeys fixture) : IClassFixture<PrivateWeightsProofTests.PrivateKeys>
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    private readonly InferenceCircuitKeys _keys = fixture.Keys;

    /// <summary>The MLP's private-weights keys and an opening of its weights.</summary>
    public sealed class PrivateKeys : IDisposable
    {
        public InferenceCircuitKeys Keys { get; } = InferenceCircuitKeys.CreateWithLocalSetup(InferenceCircuitTests.Quantized("mlp"), WeightVisibility.Private);

        public PrivateWeightsOpening Opening { get; } = PrivateWeightsOpening.Create(InferenceCircuitTests.Quantized("mlp"));

        public void Dispose() => Opening.Dispose();
    }

    private InferenceProofOptions Options => new() { Weights = fixture.Opening };

    [Fact]
    public void AProofVerifiesForItsClaimAndCarriesTheCommitmentNotTheDigest()
    {
        var input = TestModels.Inputs(1, 4, seed: 3)[0];
        var proof = Api.ProveInference(_keys, input, Options with { Context = "request-1"u8.ToArray() });
        Assert.Equal(fixture.Opening.Commitment, proof.Claim.WeightsCommitment);
        var statement = _keys.Statement(proof.Claim);
        Assert.True(Api.Verify(proof.ToBytes(), statement).IsValid);

        var model = _keys.Model;
        var expected = model.Evaluate(model.QuantizeInput(input));
        Assert.Equal(expected.Output, proof.Claim.Output);
        Assert.Equal(expected.ArgMax, proof.Claim.ArgMax);

        // Public values: 3 logits, the argmax, the weights tag, the one-element commitment, 4 inputs; the SHA-256 digest of the weights is not among them.
        Assert.Equal(3 + 1 + 2 + 4, statement.PublicInputs.Count);
        Assert.Equal(WeightsCommitment.Tag, statement.PublicInputs[4]);
        Assert.Equal(fixture.Opening.Commitment, statement.PublicInputs[5]);
        Assert.Contains(proof.Layers, l => l.Kind == "Commitment" && l.Constraints > 0);
    }

    [Fact]
    public void AProofDoesNotVerifyForAnotherCommitmentOutputOrInput()
    {
        var proof = Api.ProveInference(_keys, TestModels.Inputs(1, 4, seed: 4)[0], Options);
        var bytes = proof.ToBytes();
        var claim = proof.Claim;
        using var reblinded = PrivateWeightsOpening.Create(_keys.Model);
        var wrongs = new[]
        {
            claim with { WeightsCommitment = reblinded.Commitment },
            claim with { WeightsCommitment = claim.WeightsCommitment + FieldElement.One },
            claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] },
            claim with { ArgMax = (claim.ArgMax + 1) % 3 },
            claim with { Input = [claim.Input[0] - 1, .. claim.Input.Skip(1)] },
        };
        var payload = ProofEnvelope.Parse(bytes).Payload;
        foreach (var wrong in wrongs)
        {
            Assert.False(Api.Verify(bytes, _keys.Statement(wrong)).IsValid);
            Assert.False(Groth16ProofSystem.Instance.Verify(_keys.Statement(wrong), payload.Span, Groth16Parameters.Bn254, default).IsValid);
        }

        Assert.True(Groth16ProofSystem.Instance.Verify(_keys.Statement(claim), payload.Span, Groth16Parameters.Bn254, default).IsValid);
    }

    [Fact]
    public void AnyChangedByteIsRejected()
    {
        var proof = Api.ProveInference(_keys, TestModels.Inputs(1, 4, seed: 5)[0], Options);
        var bytes = proof.ToBytes();
        var statement = _keys.Statement(proof.Claim);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x10;
            Assert.False(Api.Verify(changed, statement).IsValid, $"byte {i} of {bytes.Length}");
        }
    }

    [Fact]
    public void AWrongWeightOrActivationCannotBeProvenUnderTheCommitment()
    {
        var model = _keys.Model;
        var input = model.QuantizeInput(TestModels.Inputs(1, 4, seed: 6)[0]);
        var commitmentWire = 1 + model.Source.OutputSize + 1 + 1; // after the argmax and the weights tag

        // One weight changed: the same private circuit, satisfied for the changed weights' own commitment only.
        var tampered = PrivateWeights.WithOneWeightChanged(model);
        var trace = tampered.Evaluate(input);
        var shape = new InferenceCircuitShape(WeightVisibility.Private, ContextWire: true);
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), tampered, trace, shape, fixture.Opening.Blinding);
        Assert.Equal(_keys.VerifyingKey.PublicInputCount, circuit.System.PublicCount);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        Assert.NotEqual(fixture.Opening.Commitment, circuit.Witness[commitmentWire]);

        // Claiming the honest commitment for it leaves the circuit unsatisfied, and the prover refuses it.
        var forged = circuit.CopyWitness();
        forged[commitmentWire] = fixture.Opening.Commitment;
        Assert.Equal("weights commitment", circuit.System.IsSatisfied(forged).FailingConstraintName);
        var claim = new NexusZero.Inference.Proofs.InferenceClaim([.. trace.Input], [.. trace.Output], trace.ArgMax) { WeightsCommitment = fixture.Opening.Commitment };
        using (var witness = new CircuitWitness(_keys.ProvingKey, circuit.System, forged))
        {
            Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => Groth16ProofSystem.Instance.Prove(_keys.Statement(claim), witness, Groth16Parameters.Bn254, default)).Kind);
        }

        // The honest witness for the changed weights proves their own commitment, which is not the published one.
        var own = claim with { WeightsCommitment = circuit.Witness[commitmentWire] };
        using (var witness = new CircuitWitness(_keys.ProvingKey, circuit.System, circuit.Witness))
        {
            var payload = Groth16ProofSystem.Instance.Prove(_keys.Statement(own), witness, Groth16Parameters.Bn254, default);
            Assert.True(Groth16ProofSystem.Instance.Verify(_keys.Statement(own), payload, Groth16Parameters.Bn254, default).IsValid);
            Assert.False(Groth16ProofSystem.Instance.Verify(_keys.Statement(claim), payload, Groth16Parameters.Bn254, default).IsValid);
        }

        // Through the API: the opening is for another model, and a changed activation is refused before proving.
        Assert.Throws<ArgumentException>(() => Api.ProveInference(InferenceCircuitKeys.CreateWithLocalSetup(tampered, WeightVisibility.Private), [0.1, 0.2, 0.3, 0.4], Options));
        var honest = model.Evaluate(input);
        honest.Values[model.Layers.OfType<NexusZero.Inference.Quantization.QuantizedAffine>().First().Output][1] += 1;
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => Api.ProveTrace(_keys, honest, Options)).Kind);
    }

    [Fact]
    public void ThePrivateCircuitDependsOnTheWidthsNotTheWeights()
    {
        var model = _keys.Model;
        var reversed = PrivateWeights.WithWeightsReversed(model);
        var shape = new InferenceCircuitShape(WeightVisibility.Private, ContextWire: true);
        var privateDigest = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, shape, default).Circuit.System.ComputeDigest();
        Assert.Equal(privateDigest, InferenceCircuit.Build(CircuitBuilder.ForSetup(), reversed, null, shape, default).Circuit.System.ComputeDigest());
        Assert.NotEqual(
            InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null).Circuit.System.ComputeDigest(),
            InferenceCircuit.Build(CircuitBuilder.ForSetup(), reversed, null).Circuit.System.ComputeDigest());
    }

    [Fact]
    public void TheOpeningMustMatchTheKeys()
    {
        var input = TestModels.Inputs(1, 4, seed: 8)[0];
        Assert.Throws<ArgumentException>(() => Api.ProveInference(_keys, input));
        var publicKeys = new InferenceProofTests.MlpKeys().Keys;
        Assert.Throws<ArgumentException>(() => Api.ProveInference(publicKeys, input, Options));
        var claim = Api.ProveInference(_keys, input, Options).Claim;
        Assert.Throws<ArgumentException>(() => _keys.Statement(claim with { WeightsCommitment = null }));
        Assert.Throws<ArgumentException>(() => publicKeys.Statement(claim));
    }
}
