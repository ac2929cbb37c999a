namespace NexusZero.Circuits.Circom;

/// <summary>One section of an iden3 binary file: its type and where its body lies in the file.</summary>
/// <param name="Type">The section type.</param>
/// <param name="Offset">The first body byte.</param>
/// <param name="Length">The body's length in bytes.</param>
internal readonly record struct CircomSection(uint Type, int Offset, int Length);
