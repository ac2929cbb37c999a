using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Gadgets;

/// <summary>Builds a circuit in proving mode and checks (or breaks) its witness.</summary>
internal static class GadgetKit
{
    public static BuiltCircuit Prove(Action<CircuitBuilder> circuit)
    {
        var builder = CircuitBuilder.ForProving();
        circuit(builder);
        return builder.Build();
    }

    public static void AssertSatisfied(BuiltCircuit circuit)
    {
        var result = circuit.System.IsSatisfied(circuit.Witness);
        Assert.True(result.IsSatisfied, result.Reason);
    }

    public static void AssertUnsatisfied(BuiltCircuit circuit) => Assert.False(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);

    /// <summary>Changes a copy of the witness and asserts that the system refuses it.</summary>
    public static void AssertRefused(BuiltCircuit circuit, Action<FieldElement[]> tamper)
    {
        var witness = circuit.CopyWitness();
        tamper(witness);
        Assert.False(circuit.System.IsSatisfied(witness).IsSatisfied);
    }

    /// <summary>The wire of the builder's n-th allocated variable (allocation order is part of each gadget's contract in these tests).</summary>
    public static int Wire(BuiltCircuit circuit, int builderIndex) => circuit.WireIndex(new Variable(builderIndex));

    /// <summary>
    /// True when some assignment of the private wires, each drawn from <paramref name="domain"/>, satisfies the
    /// system with the public wires as given: exhaustive search for small gadgets.
    /// </summary>
    public static bool AnyPrivateAssignmentSatisfies(ConstraintSystem system, FieldElement[] publicPart, FieldElement[] domain)
    {
        var witness = new FieldElement[system.VariableCount];
        witness[0] = FieldElement.One;
        publicPart.CopyTo(witness, 1);
        var first = 1 + system.PublicCount;
        var combinations = (long)Math.Pow(domain.Length, system.PrivateCount);
        for (long n = 0; n < combinations; n++)
        {
            var k = n;
            for (var i = first; i < witness.Length; i++)
            {
                witness[i] = domain[k % domain.Length];
                k /= domain.Length;
            }

            if (system.IsSatisfied(witness).IsSatisfied)
            {
                return true;
            }
        }

        return false;
    }

    public static FieldElement F(long value) => FieldElement.FromInt64(value);
}
