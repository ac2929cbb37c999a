using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Circuits.Tests.Constraints;

public sealed class CircuitBuilderTests
{
    /// <summary>x³ + x + 5 = out, with x private and a public scale factor: the circom tutorial circuit plus an input.</summary>
    private static (BuiltCircuit Circuit, Variable X, Variable Output) Cubic(CircuitBuilder builder, ulong x, ulong scale)
    {
        var secret = builder.Witness(FieldElement.FromUInt64(x));
        var factor = builder.PublicInput("scale", FieldElement.FromUInt64(scale));
        var square = builder.Multiply(secret, secret, "x^2");
        var cube = builder.Multiply(square, secret, "x^3");
        var scaled = builder.Multiply(cube + secret + FieldElement.FromUInt64(5), factor, "scale");
        var output = builder.PublicOutput("out", scaled);
        return (builder.Build(), secret, output);
    }

    [Fact]
    public void ProvingComputesASatisfyingWitnessInWireOrder()
    {
        var (circuit, x, output) = Cubic(CircuitBuilder.ForProving(), 3, 2);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);

        // The output was allocated last but is wire 1; the input follows; private wires after.
        Assert.Equal(1, circuit.WireIndex(output));
        Assert.Equal(1, circuit.System.PublicOutputCount);
        Assert.Equal(1, circuit.System.PublicInputCount);
        Assert.Equal(["out", "scale"], circuit.PublicNames);
        Assert.Equal([FieldElement.FromUInt64(70), FieldElement.FromUInt64(2)], circuit.PublicValues);
        Assert.True(circuit.WireIndex(x) > 2);
        Assert.Equal(FieldElement.FromUInt64(3), circuit.Witness[circuit.WireIndex(x)]);
    }

    [Fact]
    public void SetupBuildsTheSameSystemWithoutCallingHints()
    {
        var proving = Cubic(CircuitBuilder.ForProving(), 3, 2).Circuit;
        var setupBuilder = CircuitBuilder.ForSetup();
        var setup = Cubic(setupBuilder, 0, 0).Circuit;
        Assert.Equal(proving.System.ComputeDigest(), setup.System.ComputeDigest());
        Assert.False(setup.HasWitness);
        Assert.Throws<InvalidOperationException>(() => setup.Witness);

        var other = CircuitBuilder.ForSetup();
        var called = false;
        var v = other.Witness(() =>
        {
            called = true;
            return FieldElement.One;
        });
        other.ToBits(v, 8);
        Assert.False(called);
        Assert.Throws<InvalidOperationException>(() => other.ValueOf(v));
    }

    [Fact]
    public void AWrongWitnessValueIsCaughtByName()
    {
        var (circuit, x, _) = Cubic(CircuitBuilder.ForProving(), 3, 2);
        var witness = circuit.CopyWitness();
        witness[circuit.WireIndex(x)] = FieldElement.FromUInt64(4);
        var result = circuit.System.IsSatisfied(witness);
        Assert.False(result.IsSatisfied);
        Assert.Equal("x^2", result.FailingConstraintName);
    }

    [Fact]
    public void MisuseIsRefused()
    {
        var builder = CircuitBuilder.ForProving();
        var a = builder.Witness(FieldElement.One);
        Assert.Throws<ArgumentException>(() => builder.AssertEqual(a, LinearCombination.FromVariable(7, FieldElement.One)));
        Assert.Throws<ArgumentException>(() => builder.PublicInput("", FieldElement.One));
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.Witness(FieldElement.One));
    }
}
