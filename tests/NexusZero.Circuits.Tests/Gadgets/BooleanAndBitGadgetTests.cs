using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using static NexusZero.Circuits.Tests.Gadgets.GadgetKit;

namespace NexusZero.Circuits.Tests.Gadgets;

public sealed class BooleanAndBitGadgetTests
{
    [Fact]
    public void BooleanAcceptsZeroAndOneOnly()
    {
        foreach (var bit in new[] { false, true })
        {
            AssertSatisfied(Prove(b => b.BooleanWitness(() => bit)));
        }

        var circuit = Prove(b => b.BooleanWitness(() => true));
        AssertRefused(circuit, w => w[Wire(circuit, 1)] = F(2));
        AssertRefused(circuit, w => w[Wire(circuit, 1)] = F(-1));
    }

    [Fact]
    public void AndOrNotMatchTheirTruthTables()
    {
        for (var a = 0; a < 2; a++)
        {
            for (var c = 0; c < 2; c++)
            {
                int x = a, y = c;
                var circuit = Prove(b =>
                {
                    var p = b.BooleanWitness(() => x == 1);
                    var q = b.BooleanWitness(() => y == 1);
                    b.PublicOutput("and", b.And(p, q));
                    b.PublicOutput("or", b.Or(p, q));
                    b.PublicOutput("not", BooleanGadgets.Not(p));
                });
                AssertSatisfied(circuit);
                Assert.Equal([F(x & y), F(x | y), F(1 - x)], circuit.PublicValues);
                AssertRefused(circuit, w => w[1] = F(1 - (x & y)));
            }
        }
    }

    [Fact]
    public void DecompositionIsCompleteOnRandomValues()
    {
        var random = TestRandom.Create();
        foreach (var bits in new[] { 1, 8, 32, 62 })
        {
            for (var i = 0; i < 10; i++)
            {
                var value = TestRandom.Bits(random, bits);
                Variable[] result = [];
                var circuit = Prove(b => result = b.ToBits(b.Witness(F(value)), bits));
                AssertSatisfied(circuit);
                for (var j = 0; j < bits; j++)
                {
                    Assert.Equal(F((value >> j) & 1), circuit.Witness[circuit.WireIndex(result[j])]);
                }
            }
        }

        var top = TestRandom.Element(random);
        AssertSatisfied(Prove(b => b.ToBits(b.Witness(top), 253)));
    }

    [Fact]
    public void NonBooleanBitsWithTheRightSumAreRefused()
    {
        // 5 = 1 + 4; the forgery 3·1 + 1·2 + 0·4 also sums to 5 but its bits are not boolean.
        Variable[] bits = [];
        var circuit = Prove(b => bits = b.ToBits(b.Witness(F(5)), 3));
        AssertSatisfied(circuit);
        AssertRefused(circuit, w =>
        {
            w[circuit.WireIndex(bits[0])] = F(3);
            w[circuit.WireIndex(bits[1])] = F(1);
            w[circuit.WireIndex(bits[2])] = F(0);
        });
    }

    [Theory]
    [InlineData(8, 0, true)]
    [InlineData(8, 255, true)]
    [InlineData(8, 256, false)]
    [InlineData(8, -1, false)]
    [InlineData(16, 65535, true)]
    [InlineData(16, 65536, false)]
    public void RangeCheckAcceptsExactlyTheRange(int bits, long value, bool inRange)
    {
        var circuit = Prove(b => b.AssertRange(b.Witness(F(value)), bits));
        Assert.Equal(inRange, circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
    }

    [Fact]
    public void NoBooleanAssignmentPutsAnOutOfRangeValueInRange()
    {
        var setup = CircuitBuilder.ForSetup();
        setup.AssertRange(setup.PublicInput("x", F(0)), 3);
        var system = setup.Build().System;
        for (var x = -2; x < 10; x++)
        {
            Assert.Equal(x is >= 0 and < 8, AnyPrivateAssignmentSatisfies(system, [F(x)], [F(0), F(1)]));
        }
    }

    [Fact]
    public void WidthsOutsideTheUniqueRangeAreRefused()
    {
        var builder = CircuitBuilder.ForSetup();
        var x = builder.Witness(F(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.ToBits(x, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.ToBits(x, 254));
    }
}
