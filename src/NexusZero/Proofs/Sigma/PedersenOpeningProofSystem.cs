using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Proof of knowledge of (v, r) with C = v·G + r·H for the group's Pedersen bases (<see cref="PedersenGenerators"/>).
/// </summary>
public sealed class PedersenOpeningProofSystem : SigmaProofSystem
{
    private PedersenOpeningProofSystem()
        : base(ProofSystemId.PedersenOpening, "Proof of knowledge of a Pedersen commitment opening", StatementKind.PedersenOpening, typeof(PedersenOpeningStatement), DecodeStatement)
    {
    }

    /// <summary>The single instance.</summary>
    public static PedersenOpeningProofSystem Instance { get; } = new();

    private static bool DecodeStatement(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var ok = PedersenOpeningStatement.TryDecode(encoded, group, out var decoded, out error);
        statement = decoded;
        return ok;
    }
}
