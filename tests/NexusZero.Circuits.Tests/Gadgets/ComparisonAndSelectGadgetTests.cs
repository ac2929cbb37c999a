using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using static NexusZero.Circuits.Tests.Gadgets.GadgetKit;

namespace NexusZero.Circuits.Tests.Gadgets;

public sealed class ComparisonAndSelectGadgetTests
{
    [Fact]
    public void LessThanIsCompleteOnRandomValues()
    {
        var random = TestRandom.Create(3);
        foreach (var bits in new[] { 1, 8, 32, 62 })
        {
            for (var i = 0; i < 12; i++)
            {
                var a = TestRandom.Bits(random, bits);
                var c = i % 3 == 0 ? a : TestRandom.Bits(random, bits);
                var circuit = Prove(b => b.PublicOutput("lt", b.LessThan(b.Witness(F(a)), b.Witness(F(c)), bits)));
                AssertSatisfied(circuit);
                Assert.Equal(F(a < c ? 1 : 0), circuit.PublicValues[0]);
                AssertRefused(circuit, w => w[1] = F(a < c ? 0 : 1));
            }
        }
    }

    [Fact]
    public void NoAssignmentClaimsTheWrongComparison()
    {
        var setup = CircuitBuilder.ForSetup();
        var lt = setup.LessThan(setup.PublicInput("a", F(0)), setup.PublicInput("b", F(0)), 3);
        setup.PublicOutput("lt", lt);
        var system = setup.Build().System;
        for (var a = 0; a < 8; a++)
        {
            for (var c = 0; c < 8; c++)
            {
                Assert.True(AnyPrivateAssignmentSatisfies(system, [F(a < c ? 1 : 0), F(a), F(c)], [F(0), F(1)]));
                Assert.False(AnyPrivateAssignmentSatisfies(system, [F(a < c ? 0 : 1), F(a), F(c)], [F(0), F(1)]));
            }
        }
    }

    [Fact]
    public void AssertLessThanRefusesEqualAndGreater()
    {
        AssertSatisfied(Prove(b => b.AssertLessThan(b.Witness(F(9)), b.Witness(F(10)), 8)));
        AssertUnsatisfied(Prove(b => b.AssertLessThan(b.Witness(F(10)), b.Witness(F(10)), 8)));
        AssertUnsatisfied(Prove(b => b.AssertLessThan(b.Witness(F(200)), b.Witness(F(10)), 8)));
    }

    [Fact]
    public void SelectPicksByTheBitAndRefusesOtherValues()
    {
        var random = TestRandom.Create(4);
        for (var i = 0; i < 10; i++)
        {
            var t = TestRandom.Element(random);
            var f = TestRandom.Element(random);
            var bit = i % 2;
            var circuit = Prove(b => b.PublicOutput("out", b.Select(b.Witness(F(bit)), b.Witness(t), b.Witness(f))));
            AssertSatisfied(circuit);
            Assert.Equal(bit == 1 ? t : f, circuit.PublicValues[0]);

            // The other branch's value, at the output and at the select variable both: the select constraint refuses it.
            var selected = Wire(circuit, 4);
            AssertRefused(circuit, w => w[1] = w[selected] = bit == 1 ? f : t);
        }

        // A non-boolean condition could blend the branches; the boolean constraint refuses it.
        var blend = Prove(b => b.Select(b.Witness(F(1)), b.Witness(F(10)), b.Witness(F(20))));
        AssertRefused(blend, w =>
        {
            w[Wire(blend, 1)] = F(2);
            w[Wire(blend, 4)] = F(0);
        });
    }
}
