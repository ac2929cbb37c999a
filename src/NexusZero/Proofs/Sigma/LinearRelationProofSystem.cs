using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Proof of knowledge of openings of Pedersen commitments whose values satisfy Σ aᵢ·vᵢ = b.
/// </summary>
public sealed class LinearRelationProofSystem : SigmaProofSystem
{
    private LinearRelationProofSystem()
        : base(ProofSystemId.LinearRelation, "Proof of a linear relation between committed values", StatementKind.LinearRelation, typeof(LinearRelationStatement), DecodeStatement)
    {
    }

    /// <summary>The single instance.</summary>
    public static LinearRelationProofSystem Instance { get; } = new();

    private static bool DecodeStatement(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var ok = LinearRelationStatement.TryDecode(encoded, group, out var decoded, out error);
        statement = decoded;
        return ok;
    }
}
