using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Import;
using NexusZero.Inference.Tests.Models;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Tests.Circuits;

/// <summary>The committed-input circuit computes the model on the committed input, and no other input or blinding satisfies it.</summary>
public sealed class CommittedInputCircuitTests
{
    public static TheoryData<WeightVisibility> Weights => new() { WeightVisibility.Public, WeightVisibility.Private };

    private static InferenceCircuitShape Shape(WeightVisibility weights) => new(weights, ContextWire: true, InputVisibility.Committed);

    /// <summary>The wire of the input commitment: wire 0 is one, then the outputs (and argmax), the model commitment (two or one), the tag.</summary>
    private static int CommitmentWire(QuantizedModel model, WeightVisibility weights) =>
        1 + model.Source.OutputSize + (model.Source.SoftmaxAtOutput ? 1 : 0) + 2 + 1;

    private static (BuiltCircuit Circuit, FieldElement Commitment) Honest(QuantizedModel model, WeightVisibility weights, long[] input, FieldElement inputBlinding)
    {
        using var opening = PrivateWeightsOpening.FromBlinding(model, FieldElement.FromUInt64(5));
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, model.Evaluate(input), Shape(weights), opening.Blinding, inputBlinding);
        return (circuit, InputCommitment.Compute(model, input, inputBlinding));
    }

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void TheHonestTraceSatisfiesTheCircuitAndItsPublicValuesHoldNoInput(string name)
    {
        var model = InferenceCircuitTests.Quantized(name);
        var input = model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize)[0]);
        var blinding = FieldElement.FromUInt64(77);
        var trace = model.Evaluate(input);
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, Shape(WeightVisibility.Public), default, blinding);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        Assert.Equal(circuit.System.ConstraintCount, layers.Sum(l => l.Constraints));
        Assert.Equal(InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, Shape(WeightVisibility.Public), default).Circuit.System.ComputeDigest(), circuit.System.ComputeDigest());

        // Structural: the public values are exactly outputs, argmax, the model's two halves, the tag and the commitment.
        var claim = new InferenceClaim([], [.. trace.Output], trace.ArgMax) { InputCommitment = InputCommitment.Compute(model, input, blinding) };
        var expected = InferenceStatement.PublicValues(model, WeightVisibility.Public, InputVisibility.Committed, claim);
        expected.Add(FieldElement.Zero);
        Assert.Equal(expected, circuit.PublicValues);
        Assert.Equal(trace.Output.Count + (trace.ArgMax.HasValue ? 1 : 0) + 2 + 2 + 1, circuit.System.PublicCount);
    }

    [Theory]
    [MemberData(nameof(Weights))]
    public void AWrongBlindingOrAnotherInputCannotSatisfyTheCommitment(WeightVisibility weights)
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        var input = model.QuantizeInput(TestModels.Inputs(1, 4, seed: 21)[0]);
        var other = (long[])input.Clone();
        other[2] += 1;
        var rho = FieldElement.FromUInt64(1234);
        var wire = CommitmentWire(model, weights);
        var (honest, commitment) = Honest(model, weights, input, rho);
        Assert.True(honest.System.IsSatisfied(honest.Witness).IsSatisfied);
        Assert.Equal(commitment, honest.Witness[wire]);

        // The right input under another blinding, claimed as the published commitment.
        var (reblinded, _) = Honest(model, weights, input, rho + FieldElement.One);
        var forged = reblinded.CopyWitness();
        forged[wire] = commitment;
        Assert.Equal("input commitment", reblinded.System.IsSatisfied(forged).FailingConstraintName);

        // Another input under the right blinding, claimed as the published commitment.
        var (changed, _) = Honest(model, weights, other, rho);
        forged = changed.CopyWitness();
        forged[wire] = commitment;
        Assert.Equal("input commitment", changed.System.IsSatisfied(forged).FailingConstraintName);
    }

    [Fact]
    public void FlippingAnyInputBitOrTheTagLeavesTheCircuitUnsatisfied()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        var (circuit, _) = Honest(model, WeightVisibility.Public, model.QuantizeInput(TestModels.Inputs(1, 4, seed: 22)[0]), FieldElement.FromUInt64(9));
        var witness = circuit.CopyWitness();
        var bits = Enumerable.Range(0, witness.Length).Where(i => circuit.System.Constraints.Any(c => c.Name == "input bit" && c.A.Terms.ToArray().Any(t => t.VariableIndex == i))).ToArray();
        Assert.Equal(4 * model.Options.InputBits, bits.Length);
        foreach (var i in bits)
        {
            var flipped = (FieldElement[])witness.Clone();
            flipped[i] = FieldElement.One - flipped[i];
            Assert.False(circuit.System.IsSatisfied(flipped).IsSatisfied, $"wire {i}");
        }

        var tag = (FieldElement[])witness.Clone();
        tag[CommitmentWire(model, WeightVisibility.Public) - 1] += FieldElement.One;
        Assert.Equal("input commitment tag", circuit.System.IsSatisfied(tag).FailingConstraintName);
    }

    [Fact]
    public void TheCommittedCircuitCostsTheInputBitsAndThePoseidonChain()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        var (_, layers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, Shape(WeightVisibility.Public), default);
        var input = layers.Single(l => l.Layer == "input");
        Assert.Equal("InputCommitment", input.Kind);

        // The tag pin, one boolean per input bit, Poseidon(4) calls of 300 constraints (4 × 16 bits fit one element: two
        // calls), and the equality with the public commitment.
        Assert.Equal(1 + (4 * model.Options.InputBits) + (2 * 300) + 1, input.Constraints);
    }
}
