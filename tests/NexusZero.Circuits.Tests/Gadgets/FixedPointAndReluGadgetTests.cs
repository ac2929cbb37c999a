using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using static NexusZero.Circuits.Tests.Gadgets.GadgetKit;

namespace NexusZero.Circuits.Tests.Gadgets;

public sealed class FixedPointAndReluGadgetTests
{
    private static BuiltCircuit Multiply(long a, long c, int fractionBits, int valueBits) =>
        Prove(b => b.PublicOutput("p", b.FixedPointMultiply(b.Witness(F(a)), b.Witness(F(c)), fractionBits, valueBits)));

    [Fact]
    public void KnownProductRescales()
    {
        // 1.5 · −2.25 = −3.375 with 8 fraction bits: 384 · −576 / 256 = −864.
        var circuit = Multiply(384, -576, 8, 16);
        AssertSatisfied(circuit);
        Assert.Equal(F(-864), circuit.PublicValues[0]);
    }

    [Fact]
    public void RandomProductsRoundTowardMinusInfinity()
    {
        var random = TestRandom.Create(8);
        for (var i = 0; i < 25; i++)
        {
            var a = random.NextInt64(-(1L << 31), 1L << 31);
            var c = random.NextInt64(-(1L << 31), 1L << 31);
            var circuit = Multiply(a, c, 16, 32);
            AssertSatisfied(circuit);
            Assert.Equal(F((a * c) >> 16), circuit.PublicValues[0]);
        }
    }

    [Fact]
    public void ShiftingOneUnitBetweenQuotientAndRemainderIsRefused()
    {
        var circuit = Multiply(1000, -3, 4, 16);
        AssertSatisfied(circuit);
        Assert.Equal(F(-188), circuit.PublicValues[0]);
        int quotient = Wire(circuit, 4), remainder = Wire(circuit, 5);

        // q + 1 with rem − 16 (and the output moved to match) keeps q·16 + rem; rem leaves its range.
        AssertRefused(circuit, w =>
        {
            w[quotient] += F(1);
            w[remainder] -= F(16);
            w[1] += F(1);
        });
        AssertRefused(circuit, w =>
        {
            w[quotient] -= F(1);
            w[remainder] += F(16);
            w[1] -= F(1);
        });
    }

    [Fact]
    public void AProductBeyondTheBoundHasNoWitness()
    {
        AssertUnsatisfied(Multiply(1L << 40, 1L << 40, 8, 32));
        AssertUnsatisfied(Multiply(-(1L << 40), 1L << 40, 8, 32));
        AssertSatisfied(Multiply(-(1L << 31), -(1L << 31) + 1, 8, 32));
    }

    [Fact]
    public void ReluIsCompleteOnRandomSignedValues()
    {
        var random = TestRandom.Create(9);
        for (var i = 0; i < 20; i++)
        {
            var x = random.NextInt64(-(1L << 31), 1L << 31);
            var circuit = Prove(b => b.PublicOutput("y", b.Relu(b.Witness(F(x)), 32)));
            AssertSatisfied(circuit);
            Assert.Equal(F(Math.Max(x, 0)), circuit.PublicValues[0]);
        }

        AssertSatisfied(Prove(b => b.Relu(b.Witness(F(-(1L << 31))), 32)));
        AssertSatisfied(Prove(b => b.Relu(b.Witness(F((1L << 31) - 1)), 32)));
    }

    [Fact]
    public void ReluRefusesAForgedSignAndOutOfRangeInputs()
    {
        var circuit = Prove(b => b.PublicOutput("y", b.Relu(b.Witness(F(-5)), 8)));
        AssertSatisfied(circuit);
        var sign = Wire(circuit, 9);
        var product = Wire(circuit, 10);

        // Claim relu(−5) = −5 by setting the sign bit: the decomposition no longer sums to x + 128.
        AssertRefused(circuit, w =>
        {
            w[sign] = F(1);
            w[product] = w[1] = F(-5);
        });
        AssertRefused(circuit, w => w[product] = w[1] = F(0) - F(5));

        AssertUnsatisfied(Prove(b => b.Relu(b.Witness(F(128)), 8)));
        AssertUnsatisfied(Prove(b => b.Relu(b.Witness(F(-129)), 8)));
    }

    [Fact]
    public void NoBooleanAssignmentForgesRelu()
    {
        var setup = CircuitBuilder.ForSetup();
        setup.PublicOutput("y", setup.Relu(setup.PublicInput("x", F(0)), 3));
        var system = setup.Build().System;

        // Private wires: three bits and the product; the domain covers every honest product value.
        FieldElement[] domain = [F(0), F(1), F(2), F(3), F(-1), F(-2), F(-3), F(-4)];
        for (var x = -4; x < 4; x++)
        {
            Assert.True(AnyPrivateAssignmentSatisfies(system, [F(Math.Max(x, 0)), F(x)], domain));
            Assert.False(AnyPrivateAssignmentSatisfies(system, [F(x), F(x)], domain) && x < 0);
        }
    }
}
