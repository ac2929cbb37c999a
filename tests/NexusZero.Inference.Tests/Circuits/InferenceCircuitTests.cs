using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Import;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Circuits;

/// <summary>The inference circuit computes the quantized model, and nothing else satisfies it.</summary>
public sealed class InferenceCircuitTests
{
    internal static QuantizedModel Quantized(string name) => ModelQuantizer.Quantize(OnnxModelImporter.Import(ImportTests.Model(name)));

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void TheHonestTraceSatisfiesTheCircuitAndItsOutputsArePublic(string name)
    {
        var model = Quantized(name);
        foreach (var input in TestModels.Inputs(3, model.Source.InputSize))
        {
            var trace = model.Evaluate(model.QuantizeInput(input));
            var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
            Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
            Assert.Equal(circuit.System.ConstraintCount, layers.Sum(l => l.Constraints));
            var expected = trace.Output.Select(FieldElement.FromInt64).Concat(trace.ArgMax is int k ? [FieldElement.FromInt64(k)] : []);
            Assert.Equal(expected, circuit.PublicValues.Take(model.Source.OutputSize + 1));
        }
    }

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void SetupAndProvingBuildTheSameSystem(string name)
    {
        var model = Quantized(name);
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize)[0]));
        var setup = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null).Circuit.System;
        var proving = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace).Circuit.System;
        Assert.Equal(setup.ComputeDigest(), proving.ComputeDigest());
    }

    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void AChangedActivationAnywhereLeavesTheCircuitUnsatisfied(string name)
    {
        var model = Quantized(name);
        var input = model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize, seed: 11)[0]);

        // Every value a rescale produces (affine and piecewise outputs), shifted by one, on a fresh trace each time.
        foreach (var layer in model.Layers.Where(l => l is QuantizedAffine or QuantizedPiecewise))
        {
            var trace = model.Evaluate(input);
            trace.Values[layer.Output][0] += 1;
            var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
            Assert.False(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied, $"layer {layer.Name}");
        }
    }

    [Fact]
    public void AWrongArgMaxLeavesTheCircuitUnsatisfied()
    {
        var model = Quantized("mlp");
        var input = model.QuantizeInput(TestModels.Inputs(1, 4)[0]);
        var honest = model.Evaluate(input);
        for (var k = 0; k < model.Source.OutputSize; k++)
        {
            var trace = new QuantizedTrace(honest.Values, model.Source.Input, model.Source.Output, k);
            var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
            Assert.Equal(k == honest.ArgMax, circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        }
    }

    [Fact]
    public void TiesGoToTheFirstMaximum()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 3], [1f, 1f, 0f, 0f, 0f, 1f])
            .Node("MatMul", ["x", "W"], "l").Node("Softmax", ["l"], "p").Build("p", [1, 3]);
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(bytes));
        var trace = model.Evaluate(model.QuantizeInput([1, 0.5]));
        Assert.Equal(trace.Output[0], trace.Output[1]);
        Assert.Equal(0, trace.ArgMax);
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        var second = new QuantizedTrace(trace.Values, model.Source.Input, model.Source.Output, 1);
        var (wrong, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, second);
        Assert.False(wrong.System.IsSatisfied(wrong.Witness).IsSatisfied);
    }

    [Fact]
    public void WithPublicWeightsTheCommitmentInputsArePinnedToTheModel()
    {
        var model = Quantized("mlp");
        var trace = model.Evaluate(model.QuantizeInput(TestModels.Inputs(1, model.Source.InputSize)[0]));
        var (circuit, _) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
        foreach (var name in new[] { "modelHigh", "modelLow" })
        {
            // Wire 0 is the constant one; public wires follow in PublicNames order.
            var wire = 1 + circuit.PublicNames.ToList().IndexOf(name);
            Assert.True(wire > 0, name);
            var witness = circuit.CopyWitness();
            witness[wire] += FieldElement.One;
            Assert.False(circuit.System.IsSatisfied(witness).IsSatisfied, name);
        }
    }

    [Fact]
    public void EveryLayerButSumsCostsConstraintsAndTheCountsAddUp()
    {
        foreach (var name in new[] { "mlp", "cnn" })
        {
            var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), Quantized(name), null);
            Assert.All(layers.Where(l => l.Kind != "Sum"), l => Assert.True(l.Constraints > 0, l.Layer));
            Assert.Equal(circuit.System.ConstraintCount, layers.Sum(l => l.Constraints));
        }
    }
}
