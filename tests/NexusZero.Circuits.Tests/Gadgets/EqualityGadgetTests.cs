using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using static NexusZero.Circuits.Tests.Gadgets.GadgetKit;

namespace NexusZero.Circuits.Tests.Gadgets;

public sealed class EqualityGadgetTests
{
    [Fact]
    public void IsZeroAndIsEqualAreComplete()
    {
        var random = TestRandom.Create(5);
        for (var i = 0; i < 10; i++)
        {
            var x = i == 0 ? FieldElement.Zero : TestRandom.Element(random);
            var circuit = Prove(b => b.PublicOutput("z", b.IsZero(b.Witness(x))));
            AssertSatisfied(circuit);
            Assert.Equal(x.IsZero ? FieldElement.One : FieldElement.Zero, circuit.PublicValues[0]);

            var y = i % 2 == 0 ? x : TestRandom.Element(random);
            var eq = Prove(b => b.PublicOutput("eq", b.IsEqual(b.Witness(x), b.Witness(y))));
            AssertSatisfied(eq);
            Assert.Equal(x == y ? FieldElement.One : FieldElement.Zero, eq.PublicValues[0]);
        }
    }

    [Fact]
    public void IsZeroCannotBeFlippedWhateverTheInverseHint()
    {
        var random = TestRandom.Create(6);
        foreach (var x in new[] { FieldElement.Zero, F(1), F(-3), TestRandom.Element(random) })
        {
            var circuit = Prove(b => b.PublicOutput("z", b.IsZero(b.Witness(x))));
            var inverseWire = Wire(circuit, 2);
            var resultWire = Wire(circuit, 3);
            var wrong = x.IsZero ? FieldElement.Zero : FieldElement.One;
            foreach (var hint in new[] { FieldElement.Zero, FieldElement.One, x.InverseOrZero(), -x.InverseOrZero(), TestRandom.Element(random) })
            {
                AssertRefused(circuit, w =>
                {
                    w[1] = w[resultWire] = wrong;
                    w[inverseWire] = hint;
                });
            }
        }
    }

    [Fact]
    public void AssertNotEqualRefusesEqualValues()
    {
        AssertSatisfied(Prove(b => b.AssertNotEqual(b.Witness(F(4)), b.Witness(F(5)))));
        var equal = Prove(b => b.AssertNotEqual(b.Witness(F(5)), b.Witness(F(5))));
        AssertUnsatisfied(equal);
        var random = TestRandom.Create(7);
        for (var i = 0; i < 5; i++)
        {
            var hint = TestRandom.Element(random);
            AssertRefused(equal, w => w[Wire(equal, 3)] = hint);
        }
    }
}
