using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>Small circuits the Groth16 tests share.</summary>
internal static class Groth16TestCircuits
{
    /// <summary>
    /// x³ + x + 5 = y, y public, x private, and a public input k with x·k = m (m private), so the circuit has two
    /// public values. Build it with <see cref="CircuitBuilder.ForSetup"/> (any x, k) for keys and with
    /// <see cref="CircuitBuilder.ForProving"/> for a witness.
    /// </summary>
    public static BuiltCircuit Cubic(CircuitBuilder builder, ulong x, ulong k)
    {
        var input = builder.PublicInput("k", FieldElement.FromUInt64(k));
        var secret = builder.Witness(FieldElement.FromUInt64(x));
        var square = builder.Multiply(secret, secret, "x²");
        var cube = builder.Multiply(square, secret, "x³");
        builder.Multiply(secret, input, "x·k");
        builder.PublicOutput("y", cube + secret + FieldElement.FromUInt64(5));
        return builder.Build();
    }
}
