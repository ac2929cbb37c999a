using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>Circuits for the Ligero tests: a chain of squarings of any length, and y = x³ + x + 5.</summary>
internal static class LigeroCircuits
{
    /// <summary>
    /// s_0 = x (private), s_(i+1) = s_i² + i, output the last value and a public input c with c = x + 1: exactly
    /// <paramref name="constraints"/> constraints (at least 2).
    /// </summary>
    public static BuiltCircuit Chain(int constraints, ulong x, ulong? claimedC = null)
    {
        var b = CircuitBuilder.ForProving();
        var secret = b.Witness(FieldElement.FromUInt64(x));
        var c = b.PublicInput("c", FieldElement.FromUInt64(claimedC ?? (x + 1)));
        b.AssertEqual(secret + FieldElement.One, c, "c = x + 1");
        LinearCombination current = secret;
        for (var i = 0; i < constraints - 2; i++)
        {
            current = b.Multiply(current, current) + FieldElement.FromUInt64((ulong)i);
        }

        b.PublicOutput("out", b.Multiply(current, current));
        return b.Build();
    }

    /// <summary>y = x³ + x + 5 with y public.</summary>
    public static BuiltCircuit Cubic(ulong x)
    {
        var b = CircuitBuilder.ForProving();
        var secret = b.Witness(FieldElement.FromUInt64(x));
        var cube = b.Multiply(b.Multiply(secret, secret), secret);
        var y = b.PublicInput("y", FieldElement.FromUInt64((x * x * x) + x + 5));
        b.AssertEqual(cube + secret + FieldElement.FromUInt64(5), y, "y");
        return b.Build();
    }
}
