using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Circuits;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Tests.Proofs;

/// <summary>ProveInference with a committed input, public and private weights, Groth16 and Ligero: keys made once for the class.</summary>
public sealed class CommittedInputProofTests(CommittedInputProofTests.CommittedKeys fixture) : IClassFixture<CommittedInputProofTests.CommittedKeys>
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    public static TheoryData<WeightVisibility> Weights => new() { WeightVisibility.Public, WeightVisibility.Private };

    /// <summary>The MLP's committed-input keys for public and private weights, its post-quantum circuits, and a weights opening.</summary>
    public sealed class CommittedKeys : IDisposable
    {
        public InferenceCircuitKeys PublicWeights { get; } = InferenceCircuitKeys.CreateWithLocalSetup(InferenceCircuitTests.Quantized("mlp"), WeightVisibility.Public, InputVisibility.Committed);

        public InferenceCircuitKeys PrivateWeights { get; } = InferenceCircuitKeys.CreateWithLocalSetup(InferenceCircuitTests.Quantized("mlp"), WeightVisibility.Private, InputVisibility.Committed);

        public PrivateWeightsOpening Opening { get; } = PrivateWeightsOpening.Create(InferenceCircuitTests.Quantized("mlp"));

        public void Dispose() => Opening.Dispose();

        public InferenceCircuitKeys Keys(WeightVisibility weights) => weights == WeightVisibility.Public ? PublicWeights : PrivateWeights;

        public InferenceProofOptions Options(WeightVisibility weights) =>
            new() { Input = InputVisibility.Committed, Weights = weights == WeightVisibility.Private ? Opening : null };
    }

    [Theory]
    [MemberData(nameof(Weights))]
    public void AProofVerifiesCarriesNoInputAndItsOpeningOpensToTheInput(WeightVisibility weights)
    {
        var keys = fixture.Keys(weights);
        var model = keys.Model;
        var input = TestModels.Inputs(1, 4, seed: 31)[0];
        var quantized = model.QuantizeInput(input);
        var proof = Api.ProveInference(keys, input, fixture.Options(weights) with { Context = "request-1"u8.ToArray() });
        using var opening = Assert.IsType<CommittedInputOpening>(proof.InputOpening);
        var claim = proof.Claim;
        var statement = keys.Statement(claim);
        Assert.True(Api.Verify(proof.ToBytes(), statement).IsValid);

        var expected = model.Evaluate(quantized);
        Assert.Equal(expected.Output, claim.Output);
        Assert.Equal(expected.ArgMax, claim.ArgMax);

        // Structural: no input value in the claim or the statement; the input is named by the tag and the commitment.
        Assert.Empty(claim.Input);
        Assert.Equal(opening.Commitment, claim.InputCommitment);
        // Two model values either way: the SHA-256 halves, or the weights tag and the Poseidon commitment.
        const int modelValues = 2;
        if (weights == WeightVisibility.Private)
        {
            Assert.Equal(WeightsCommitment.Tag, statement.PublicInputs[4]);
            Assert.Equal(claim.WeightsCommitment, statement.PublicInputs[5]);
        }

        Assert.Equal(3 + 1 + modelValues + 2, statement.PublicInputs.Count);
        Assert.Equal(InputCommitment.Tag, statement.PublicInputs[4 + modelValues]);
        Assert.Equal(opening.Commitment, statement.PublicInputs[5 + modelValues]);

        // The holder of the opening and the input checks it outside the circuit; another input or blinding does not open.
        Assert.True(opening.Opens(model, quantized));
        Assert.True(opening.Opens(model, quantized, statement.PublicInputs[5 + modelValues]));
        var other = (long[])quantized.Clone();
        other[0] += 1;
        Assert.False(opening.Opens(model, other));
        using var reblinded = CommittedInputOpening.FromBlinding(model, quantized, opening.Blinding + FieldElement.One);
        Assert.NotEqual(opening.Commitment, reblinded.Commitment);
        Assert.False(reblinded.Opens(model, quantized, opening.Commitment));
    }

    [Theory]
    [MemberData(nameof(Weights))]
    public void AProofDoesNotVerifyForAnotherInputCommitmentOutputOrModel(WeightVisibility weights)
    {
        var keys = fixture.Keys(weights);
        var proof = Api.ProveInference(keys, TestModels.Inputs(1, 4, seed: 32)[0], fixture.Options(weights));
        using var opening = proof.InputOpening!;
        var bytes = proof.ToBytes();
        var claim = proof.Claim;
        using var otherInput = CommittedInputOpening.FromBlinding(keys.Model, keys.Model.QuantizeInput(TestModels.Inputs(1, 4, seed: 33)[0]), opening.Blinding);
        using var otherWeights = PrivateWeightsOpening.Create(keys.Model);
        var wrongs = new List<CircuitStatement>
        {
            keys.Statement(claim with { InputCommitment = claim.InputCommitment + FieldElement.One }),
            keys.Statement(claim with { InputCommitment = otherInput.Commitment }),
            keys.Statement(claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] }),
            keys.Statement(claim with { ArgMax = (claim.ArgMax + 1) % 3 }),
        };
        if (weights == WeightVisibility.Public)
        {
            // Another model: the same claim under another model's commitment (the circuit pins its own).
            var modelCommitment = keys.Model.Commitment.ToArray();
            modelCommitment[^1] ^= 1;
            wrongs.Add(InferenceStatement.Build(keys.VerifyingKey, modelCommitment, claim));
        }
        else
        {
            wrongs.Add(keys.Statement(claim with { WeightsCommitment = otherWeights.Commitment }));
        }

        var payload = ProofEnvelope.Parse(bytes).Payload;
        foreach (var wrong in wrongs)
        {
            Assert.False(Api.Verify(bytes, wrong).IsValid);
            Assert.False(Groth16ProofSystem.Instance.Verify(wrong, payload.Span, Groth16Parameters.Bn254, default).IsValid);
        }

        Assert.True(Groth16ProofSystem.Instance.Verify(keys.Statement(claim), payload.Span, Groth16Parameters.Bn254, default).IsValid);
    }

    [Theory]
    [MemberData(nameof(Weights))]
    public void ACommittedInputProofReportsTheQuantizationErrorOfTheHiddenInput(WeightVisibility weights)
    {
        var keys = fixture.Keys(weights);
        var input = TestModels.Inputs(1, 4, seed: 38)[0];
        var proof = Api.ProveInference(keys, input, fixture.Options(weights));
        proof.InputOpening?.Dispose();

        // The verifier sees no input, but the prover measured its own row.
        Assert.Empty(proof.Claim.Input);
        Assert.Equal(QuantizationReport.Measure(keys.Model, [input]), proof.Quantization);
        Assert.Contains(proof.Proof.Metrics.Figures, f => f.Name == "inference.quantization.maxAbsError" && f.Value == proof.Quantization.MaxAbsoluteError);
    }

    [Fact]
    public void ThePublicValuesDependOnTheInputOnlyThroughTheCommitment()
    {
        // The same input proven twice: fresh blindings, unlinkable commitments, and statements that differ in that one value.
        var keys = fixture.PublicWeights;
        var input = TestModels.Inputs(1, 4, seed: 34)[0];
        var first = Api.ProveInference(keys, input, fixture.Options(WeightVisibility.Public));
        var second = Api.ProveInference(keys, input, fixture.Options(WeightVisibility.Public));
        using var a = first.InputOpening!;
        using var b = second.InputOpening!;
        Assert.NotEqual(a.Commitment, b.Commitment);
        var s1 = keys.Statement(first.Claim).PublicInputs;
        var s2 = keys.Statement(second.Claim).PublicInputs;
        Assert.Equal(s1.Count - 1, s1.Zip(s2).Count(p => p.First == p.Second));
        Assert.NotEqual(s1[^1], s2[^1]);

        // The statement is a function of the output, argmax, model and input commitment alone: the claim it is built from holds no input.
        var rebuilt = keys.Statement(new InferenceClaim([], first.Claim.Output, first.Claim.ArgMax) { InputCommitment = a.Commitment });
        Assert.Equal(s1, rebuilt.PublicInputs);
        Assert.True(Api.Verify(first.ToBytes(), rebuilt).IsValid);
    }

    [Fact]
    public void AnInputThatDoesNotMatchTheCommitmentCannotBeProven()
    {
        var keys = fixture.PublicWeights;
        var model = keys.Model;
        var input = model.QuantizeInput(TestModels.Inputs(1, 4, seed: 35)[0]);
        var other = (long[])input.Clone();
        other[1] -= 1;
        using var published = CommittedInputOpening.FromBlinding(model, input, FieldElement.FromUInt64(4242));

        // The honest witness for another input, with the published commitment claimed: refused by the prover.
        var trace = model.Evaluate(other);
        var shape = new InferenceCircuitShape(WeightVisibility.Public, ContextWire: true, InputVisibility.Committed);
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, shape, default, published.Blinding);
        var forged = circuit.CopyWitness();
        forged[1 + 3 + 1 + 2 + 1] = published.Commitment;
        var claim = new InferenceClaim([], [.. trace.Output], trace.ArgMax) { InputCommitment = published.Commitment };
        using var witness = new CircuitWitness(keys.ProvingKey, circuit.System, forged);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => Groth16ProofSystem.Instance.Prove(keys.Statement(claim), witness, Groth16Parameters.Bn254, default)).Kind);
    }

    [Fact]
    public void TheInputVisibilityMustMatchTheKeys()
    {
        var input = TestModels.Inputs(1, 4, seed: 36)[0];
        var publicInput = new InferenceProofTests.MlpKeys().Keys;
        Assert.Throws<ArgumentException>(() => Api.ProveInference(publicInput, input, new InferenceProofOptions { Input = InputVisibility.Committed }));
        Assert.Throws<ArgumentException>(() => Api.ProveInference(fixture.PublicWeights, input));
        var proof = Api.ProveInference(fixture.PublicWeights, input, fixture.Options(WeightVisibility.Public));
        proof.InputOpening!.Dispose();
        Assert.Throws<ObjectDisposedException>(() => proof.InputOpening.ToBytes());
        Assert.Throws<ArgumentException>(() => publicInput.Statement(proof.Claim));
        Assert.Throws<ArgumentException>(() => fixture.PublicWeights.Statement(proof.Claim with { InputCommitment = null }));
        Assert.Throws<ArgumentException>(() => fixture.PublicWeights.Statement(proof.Claim with { Input = [1, 2, 3, 4] }));
    }

    [Theory]
    [MemberData(nameof(Weights))]
    public void ThePostQuantumBackendProvesTheSameCommittedStatement(WeightVisibility weights)
    {
        var circuit = PostQuantumInferenceCircuit.Create(fixture.Keys(weights).Model, weights, InputVisibility.Committed);
        var proof = Api.ProveInference(circuit, TestModels.Inputs(1, 4, seed: 37)[0], fixture.Options(weights));
        using var opening = proof.InputOpening!;
        var bytes = proof.ToBytes();
        Assert.Equal(ProofSystemId.LigeroR1cs, ProofEnvelope.Parse(bytes).ProofSystem);
        Assert.Empty(proof.Claim.Input);
        var statement = circuit.Statement(proof.Claim);
        Assert.True(Api.Verify(bytes, statement).IsValid);
        Assert.Equal(fixture.Keys(weights).Statement(proof.Claim).PublicInputs, statement.PublicInputs);
        Assert.False(Api.Verify(bytes, circuit.Statement(proof.Claim with { InputCommitment = opening.Commitment + FieldElement.One })).IsValid);
        Assert.False(Api.Verify(bytes, circuit.Statement(proof.Claim with { Output = [proof.Claim.Output[0] + 1, .. proof.Claim.Output.Skip(1)] })).IsValid);
    }
}
