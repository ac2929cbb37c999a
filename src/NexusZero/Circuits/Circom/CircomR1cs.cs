namespace NexusZero.Circuits.Circom;

/// <summary>A circom .r1cs file as read: the constraint system and what else the header and wire map say.</summary>
public sealed class CircomR1cs
{
    internal CircomR1cs(ConstraintSystem system, int privateInputCount, ulong labelCount, ulong[] wireLabels)
    {
        System = system;
        PrivateInputCount = privateInputCount;
        LabelCount = labelCount;
        WireLabels = wireLabels;
    }

    /// <summary>The constraints in circom's wire order (one, public outputs, public inputs, private).</summary>
    public ConstraintSystem System { get; }

    /// <summary>How many of the private wires are the circuit's private inputs (the first ones after the public wires).</summary>
    public int PrivateInputCount { get; }

    /// <summary>The number of signal labels in the compiler's symbol table.</summary>
    public ulong LabelCount { get; }

    /// <summary>The label of each wire (section 3), each below <see cref="LabelCount"/>.</summary>
    public IReadOnlyList<ulong> WireLabels { get; }
}
