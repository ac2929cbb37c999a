using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Chaum–Pedersen proof that X = x·G and Y = x·H for one secret x (DLEQ), over any <see cref="IPrimeOrderGroup"/>.
/// </summary>
public sealed class DiscreteLogEqualityProofSystem : SigmaProofSystem
{
    private DiscreteLogEqualityProofSystem()
        : base(ProofSystemId.DiscreteLogEquality, "Chaum–Pedersen proof of equality of discrete logarithms", StatementKind.DiscreteLogEquality, typeof(DiscreteLogEqualityStatement), DecodeStatement)
    {
    }

    /// <summary>The single instance.</summary>
    public static DiscreteLogEqualityProofSystem Instance { get; } = new();

    private static bool DecodeStatement(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var ok = DiscreteLogEqualityStatement.TryDecode(encoded, group, out var decoded, out error);
        statement = decoded;
        return ok;
    }
}
