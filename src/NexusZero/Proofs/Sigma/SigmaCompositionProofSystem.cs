using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// AND / OR composition (Cramer–Damgård–Schoenmakers) of discrete-log, DLEQ, Pedersen-opening and linear-relation proofs; an OR proof hides which part is known.
/// </summary>
public sealed class SigmaCompositionProofSystem : SigmaProofSystem
{
    private SigmaCompositionProofSystem()
        : base(ProofSystemId.SigmaComposition, "AND / OR composition of sigma protocols", StatementKind.Composition, typeof(SigmaCompositionStatement), DecodeStatement)
    {
    }

    /// <summary>The single instance.</summary>
    public static SigmaCompositionProofSystem Instance { get; } = new();

    private static bool DecodeStatement(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var ok = SigmaCompositionStatement.TryDecode(encoded, group, out var decoded, out error);
        statement = decoded;
        return ok;
    }
}
