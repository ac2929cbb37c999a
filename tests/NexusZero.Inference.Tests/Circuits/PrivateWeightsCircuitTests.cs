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
        Assert.Equal(opening.Commitment, circuit.PublicValues[model.Source.OutputSize + (model.Source.SoftmaxAtOutput ? 1 : 0)]);
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
        forged[1 + model.Source.OutputSize + (model.Source.SoftmaxAtOutput ? 1 : 0)] = opening.Commitment;
        Assert.Equal("weights commitment", wrong.System.IsSatisfied(forged).FailingConstraintName);
    }

    [Fact]
    public void TheRangeChecksStopTwoWeightVectorsFromPackingAlike()
    {
        // w₀ + 2^b and w₁ − 1 pack to the same element as w₀ and w₁, so they hash to the published commitment:
        // only the range check on each slot refuses them.
        var model = InferenceCircuitTests.Quantized("mlp");
        var (weightBits, _) = WeightsCommitment.Widths(model);
        var blinding = FieldElement.FromUInt64(99);
        var values = WeightsCommitment.Affine(model).SelectMany(a => a.Weights.Select(w => (Value: w, IsBias: false)).Concat(a.Bias.Select(b => (Value: b, IsBias: true)))).ToArray();
        values[0].Value += 1L << weightBits;
        values[1].Value -= 1;
        var builder = CircuitBuilder.ForProving();
        var parameters = values.Select(v => (builder.Witness(FieldElement.FromInt64(v.Value)), v.IsBias)).ToArray();
        var digest = WeightsCommitment.Constrain(builder, model, parameters, builder.Witness(blinding));
        Assert.Equal(WeightsCommitment.Compute(model, blinding), builder.ValueOf(digest));
        var circuit = builder.Build();
        Assert.Contains("decomposition", circuit.System.IsSatisfied(circuit.Witness).FailingConstraintName, StringComparison.Ordinal);
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

        // Range checks (b + 1 each), then Poseidon(4) calls of 3·(8·5 + 60) constraints: the first and one per three elements.
        var commitment = layers.Single(l => l.Kind == "Commitment").Constraints;
        var rangeChecks = (weights * (weightBits + 1)) + (biases * (biasBits + 1));
        Assert.Equal(0, (commitment - rangeChecks - 1) % 300);

        // Each private weight costs one product more than a constant one.
        var affine = layers.Where(l => l.Kind == "Affine").Sum(l => l.Constraints) - publicLayers.Where(l => l.Kind == "Affine").Sum(l => l.Constraints);
        Assert.Equal(weights, affine);
    }
}
