using NexusZero.Groups;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Parses and checks a composition-tree proof: strict parsing of every commitment, response and OR
/// challenge, then the transcript challenge, challenge propagation (AND: the same; OR: the listed
/// challenges and the remainder for the last child) and every leaf equation added to one MSM.
/// Verifier-only: all values are public.
/// </summary>
internal static class SigmaTreeVerifier
{
    /// <summary>A parsed proof, ready to be checked.</summary>
    internal sealed class ParsedProof
    {
        public required SigmaNode Root { get; init; }

        public required List<(SigmaLeaf Leaf, GroupElement[] Commitments, GroupScalar[] Responses)> Leaves { get; init; }

        public required Dictionary<SigmaGate, GroupScalar[]> OrChallenges { get; init; }
    }

    /// <summary>Parses <paramref name="proof"/> for <paramref name="root"/>; exact length, canonical values only.</summary>
    public static bool TryParse(SigmaNode root, IPrimeOrderGroup group, ReadOnlySpan<byte> proof, out ParsedProof? parsed, out string? error)
    {
        parsed = null;
        var expected = root.ProofLength;
        if (proof.Length != expected)
        {
            error = $"The proof is {proof.Length} bytes; this statement's proof is exactly {expected} bytes.";
            return false;
        }

        var result = new ParsedProof { Root = root, Leaves = [], OrChallenges = [] };
        var offset = 0;
        if (!TryParseNode(root, group, proof, ref offset, result, out error))
        {
            return false;
        }

        parsed = result;
        return true;
    }

    /// <summary>Derives the transcript challenge and adds every leaf equation, weighted, to <paramref name="msm"/>.</summary>
    public static void Accumulate(Transcript transcript, IPrimeOrderGroup group, ParsedProof proof, MsmAccumulator msm)
    {
        var challenge = SigmaProtocol.Challenge(transcript, group, proof.Leaves.SelectMany(l => l.Commitments));
        var leafIndex = 0;
        AccumulateNode(proof.Root, challenge, proof, msm, ref leafIndex);
    }

    private static bool TryParseNode(SigmaNode node, IPrimeOrderGroup group, ReadOnlySpan<byte> proof, ref int offset, ParsedProof result, out string? error)
    {
        switch (node)
        {
            case SigmaLeaf leaf:
                var read = SigmaProtocol.TryReadProof(leaf.Relation, proof[offset..], out var commitments, out var responses, out error);
                if (read < 0)
                {
                    error = $"Part {result.Leaves.Count}: {error}";
                    return false;
                }

                offset += read;
                result.Leaves.Add((leaf, commitments, responses));
                return true;
            case SigmaGate gate:
                if (gate.IsOr)
                {
                    var challenges = new GroupScalar[gate.Children.Count - 1];
                    for (var i = 0; i < challenges.Length; i++)
                    {
                        if (!group.TryDecodeScalar(proof.Slice(offset, group.ScalarLength), out var c))
                        {
                            error = $"An OR-branch challenge is not a canonical {group.Name} scalar.";
                            return false;
                        }

                        challenges[i] = c;
                        offset += group.ScalarLength;
                    }

                    result.OrChallenges[gate] = challenges;
                }

                foreach (var child in gate.Children)
                {
                    if (!TryParseNode(child, group, proof, ref offset, result, out error))
                    {
                        return false;
                    }
                }

                error = null;
                return true;
            default:
                throw new InvalidOperationException("Unknown sigma node type.");
        }
    }

    private static void AccumulateNode(SigmaNode node, GroupScalar challenge, ParsedProof proof, MsmAccumulator msm, ref int leafIndex)
    {
        switch (node)
        {
            case SigmaLeaf:
                var (leaf, commitments, responses) = proof.Leaves[leafIndex++];
                SigmaProtocol.Accumulate(leaf.Relation, commitments, responses, challenge, msm);
                break;
            case SigmaGate { IsOr: false } gate:
                foreach (var child in gate.Children)
                {
                    AccumulateNode(child, challenge, proof, msm, ref leafIndex);
                }

                break;
            case SigmaGate gate:
                var listed = proof.OrChallenges[gate];
                var remainder = challenge;
                for (var i = 0; i < listed.Length; i++)
                {
                    remainder -= listed[i];
                    AccumulateNode(gate.Children[i], listed[i], proof, msm, ref leafIndex);
                }

                AccumulateNode(gate.Children[^1], remainder, proof, msm, ref leafIndex);
                break;
        }
    }
}
