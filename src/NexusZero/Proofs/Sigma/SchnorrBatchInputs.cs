using System.Buffers.Binary;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The group-independent steps of the group-specific Schnorr batch paths (<see cref="RistrettoSchnorrBatch"/>,
/// <see cref="Secp256k1SchnorrBatch"/>): the shape check, the commitments gathered for a batch decoder,
/// the per-proof challenges and the 128-bit weights.
/// </summary>
internal static class SchnorrBatchInputs
{
    /// <summary>Bytes of one wide challenge, reduced by the group's scalar type.</summary>
    public const int ChallengeLength = 64;

    /// <summary>Bytes of one random weight.</summary>
    public const int WeightLength = 16;

    /// <summary>True when every statement is over <paramref name="group"/> and every proof is <paramref name="proofLength"/> bytes.</summary>
    public static bool HaveShape(IReadOnlyList<SigmaBatchItem> items, IReadOnlyList<DiscreteLogStatement> statements, GroupId group, int proofLength)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (statements[i].Group.Id != group || items[i].Proof.Length != proofLength)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every proof's commitment R (its first <paramref name="elementLength"/> bytes), one after another.</summary>
    public static void GatherCommitments(IReadOnlyList<SigmaBatchItem> items, int elementLength, Span<byte> encodings)
    {
        for (int i = 0; i < items.Count; i++)
        {
            items[i].Proof.Span[..elementLength].CopyTo(encodings[(i * elementLength)..]);
        }
    }

    /// <summary>
    /// Every proof's challenge bytes, <see cref="ChallengeLength"/> per proof, byte for byte as the single
    /// verifier derives them: the transcript prefix (label, version, proof-system id, parameters) is built
    /// once and cloned, then the statement, the context and R are appended and the challenge squeezed.
    /// </summary>
    public static void DeriveChallenges(
        IReadOnlyList<SigmaBatchItem> items, IReadOnlyList<DiscreteLogStatement> statements, GroupParameterSet set, int elementLength, Span<byte> challenges)
    {
        using var prefix = ProofTranscript.BeginShared(ProofSystemId.SchnorrDiscreteLog, set);
        for (int i = 0; i < items.Count; i++)
        {
            using var transcript = prefix.Clone();
            ProofTranscript.BindStatement(transcript, statements[i], items[i].Context.Span);
            transcript.AppendMessage("R"u8, items[i].Proof.Span[..elementLength]);
            transcript.ChallengeBytes("c"u8, challenges.Slice(i * ChallengeLength, ChallengeLength));
        }
    }

    /// <summary>Weight <paramref name="index"/> of <paramref name="weights"/> as two little-endian words, low first.</summary>
    public static (ulong Low, ulong High) Weight(ReadOnlySpan<byte> weights, int index) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(weights[(index * WeightLength)..]),
         BinaryPrimitives.ReadUInt64LittleEndian(weights[((index * WeightLength) + 8)..]));
}
