using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Import;
using NexusZero.Inference.Tests.Models;
using NexusZero.Inference.Tests.Proofs;

namespace NexusZero.Inference.Tests.Circuits;

/// <summary>The private-weights circuit computes the committed model, and nothing else satisfies it.</summary>
public sealed class PrivateWeightsCircuitTests
{
    private static readonly InferenceCircuitShape Shape = new(WeightVisibility.Private, ContextWire: true);

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void TheHonestTraceSatisfiesTheCircuitWhichRecomputesTheCommitment(string name)
    {
        var model = InferenceCircuitTests.Quantized(name);
        using var opening = PrivateWeightsOpening.Create(model);
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize)[0]));
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, Shape, opening.Blinding);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        Assert.Equal(circuit.System.ConstraintCount, layers.Sum(l => l.Constraints));
        var at = model.Source.OutputSize + (model.Source.SoftmaxAtOutput ? 1 : 0);
        Assert.Equal(WeightsCommitment.Tag, circuit.PublicValues[at]);
        Assert.Equal(opening.Commitment, circuit.PublicValues[at + 1]);
        var setup = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, Shape, default).Circuit.System;
        Assert.Equal(setup.ComputeDigest(), circuit.System.ComputeDigest());
    }

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void AChangedActivationOrWeightLeavesTheCircuitUnsatisfied(string name)
    {
        var model = InferenceCircuitTests.Quantized(name);
        using var opening = PrivateWeightsOpening.Create(model);
        var input = model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize, seed: 11)[0]);
        foreach (var layer in model.Layers.Where(l => l is QuantizedAffine or QuantizedPiecewise))
        {
            var trace = model.Evaluate(input);
            trace.Values[layer.Output][0] += 1;
            var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, Shape, opening.Blinding);
            Assert.False(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied, $"layer {layer.Name}");
        }

        // The changed model's honest witness with the published commitment in place of its own.
        var tampered = PrivateWeights.WithOneWeightChanged(model);
        var (wrong, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), tampered, tampered.Evaluate(input), Shape, opening.Blinding);
        var forged = wrong.CopyWitness();
        forged[CommitmentWire(model)] = opening.Commitment;
        Assert.Equal("weights commitment", wrong.System.IsSatisfied(forged).FailingConstraintName);
    }

    [Fact]
    public void TheWeightsTagIsPinnedBeforeTheCommitment()
    {
        // The tag is a public value the circuit fixes: a witness with any other value there satisfies nothing, so no
        // private-weights proof carries a statement whose model values read as a SHA-256 commitment's halves.
        var model = InferenceCircuitTests.Quantized("mlp");
        using var opening = PrivateWeightsOpening.Create(model);
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, 4)[0])), Shape, opening.Blinding);
        var tagWire = CommitmentWire(model) - 1;
        Assert.Equal(WeightsCommitment.Tag, circuit.Witness[tagWire]);
        var tagBytes = new byte[FieldElement.ByteLength];
        WeightsCommitment.Tag.WriteBigEndian(tagBytes);
        Assert.Contains(tagBytes[..16], b => b != 0); // ≥ 2^128, so never a 128-bit half of a SHA-256 commitment

        Assert.Equal(1, layers.Single(l => l.Kind == "WeightsTag").Constraints);
        foreach (var value in new[] { WeightsCommitment.Tag + FieldElement.One, FieldElement.Zero, InputCommitment.Tag })
        {
            var forged = circuit.CopyWitness();
            forged[tagWire] = value;
            Assert.Equal("weights commitment tag", circuit.System.IsSatisfied(forged).FailingConstraintName);
        }
    }

    /// <summary>The witness index of the weights commitment: after the constant one, the outputs, the argmax and the weights tag.</summary>
    private static int CommitmentWire(QuantizedModel model) => 1 + model.Source.OutputSize + (model.Source.SoftmaxAtOutput ? 1 : 0) + 1;

    [Fact]
    public void EachWeightIsItsBitsAndPackingThemIsTheNativeCommitment()
    {
        // A parameter is nothing but its width's boolean wires, so any assignment is a value of the width, and two
        // weight vectors cannot pack alike (w₀ + 2^b with w₁ − 1 has no representation).
        var model = InferenceCircuitTests.Quantized("mlp");
        var (weightBits, biasBits) = WeightsCommitment.Widths(model);
        var blinding = FieldElement.FromUInt64(99);
        var builder = CircuitBuilder.ForProving();
        var parameters = WeightsCommitment.Affine(model)
            .SelectMany(a => a.Weights.Select(w => WeightsCommitment.Parameter(builder, w, weightBits)).Concat(a.Bias.Select(b => WeightsCommitment.Parameter(builder, b, biasBits))))
            .ToArray();
        var values = WeightsCommitment.Affine(model).SelectMany(a => a.Weights.Concat(a.Bias)).ToArray();
        Assert.Equal(values.Select(FieldElement.FromInt64), parameters.Select(p => builder.ValueOf(p.Value)));
        var digest = WeightsCommitment.Constrain(builder, model, [.. parameters.Select(p => p.Bits)], builder.Witness(blinding));
        Assert.Equal(WeightsCommitment.Compute(model, blinding), builder.ValueOf(digest));
    }

    [Fact]
    public void FlippingAnyWeightBitLeavesTheCircuitUnsatisfied()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        using var opening = PrivateWeightsOpening.Create(model);
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, 4)[0]));
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace, Shape, opening.Blinding);
        var witness = circuit.CopyWitness();
        var bits = Enumerable.Range(0, witness.Length).Where(i => circuit.System.Constraints.Any(c => c.Name == "weight bit" && c.A.Terms.ToArray().Any(t => t.VariableIndex == i))).Take(40).ToArray();
        Assert.NotEmpty(bits);
        foreach (var i in bits)
        {
            var flipped = (FieldElement[])witness.Clone();
            flipped[i] = FieldElement.One - flipped[i];
            Assert.False(circuit.System.IsSatisfied(flipped).IsSatisfied, $"wire {i}");
        }
    }

    [Fact]
    public void ThePrivateCircuitCostsWhatTheCommitmentAdds()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        var (_, layers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, Shape, default);
        var (_, publicLayers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null);
        var (weightBits, biasBits) = WeightsCommitment.Widths(model);
        var weights = model.Layers.OfType<QuantizedAffine>().Sum(a => a.Weights.Length);
        var biases = model.Layers.OfType<QuantizedAffine>().Sum(a => a.Bias.Length);

        // One boolean constraint per bit, then Poseidon(4) calls of 3·(8·5 + 60) constraints (the first and one per three
        // elements), then the equality with the public commitment.
        var commitment = layers.Single(l => l.Kind == "Commitment").Constraints;
        var rangeChecks = (weights * weightBits) + (biases * biasBits);
        Assert.Equal(0, (commitment - rangeChecks - 1) % 300);

        // Each private weight costs one product more than a constant one.
        var affine = layers.Where(l => l.Kind == "Affine").Sum(l => l.Constraints) - publicLayers.Where(l => l.Kind == "Affine").Sum(l => l.Constraints);
        Assert.Equal(weights, affine);
    }
}
