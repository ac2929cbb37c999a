namespace NexusZero.Circuits;

/// <summary>The role of a variable, which fixes its place in the wire order.</summary>
public enum VariableKind
{
    /// <summary>The constant one, wire 0.</summary>
    One = 0,

    /// <summary>A public output (wires right after the one).</summary>
    PublicOutput = 1,

    /// <summary>A public input (after the outputs).</summary>
    PublicInput = 2,

    /// <summary>A private witness variable (after every public one).</summary>
    Private = 3,
}
