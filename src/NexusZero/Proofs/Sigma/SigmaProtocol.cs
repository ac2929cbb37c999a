using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The prover and verifier steps shared by every linear sigma protocol (see <see cref="SigmaRelation"/>).
/// The prover's commitment and the OR-simulator's commitment are the same constant-time computation
/// (Σ aᵢ·Bⱼᵢ + z·Yⱼ with z = 0 for a real branch and z = −c for a simulated one), so timing does not
/// tell a real branch from a simulated one.
/// </summary>
internal static class SigmaProtocol
{
    /// <summary>Label under which each commitment Tⱼ enters the transcript.</summary>
    public static ReadOnlySpan<byte> CommitmentLabel => "sigma-commitment"u8;

    /// <summary>Label of the Fiat–Shamir challenge.</summary>
    public static ReadOnlySpan<byte> ChallengeLabel => "sigma-challenge"u8;

    /// <summary>
    /// Builds the transcript RNG for nonces: a fork of <paramref name="transcript"/> rekeyed with every
    /// witness scalar and fresh OS randomness.
    /// </summary>
    public static TranscriptRng NonceRng(Transcript transcript, IEnumerable<GroupScalar> witness)
    {
        using var builder = transcript.BuildRng();
        foreach (var scalar in witness)
        {
            var bytes = new byte[scalar.Group.ScalarLength];
            try
            {
                scalar.Encode(bytes);
                builder.RekeyWithWitnessBytes("sigma-witness"u8, bytes);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }

        return builder.Finalize();
    }

    /// <summary>A scalar from 64 bytes of <paramref name="rng"/>.</summary>
    public static GroupScalar NextScalar(IPrimeOrderGroup group, TranscriptRng rng)
    {
        Span<byte> wide = stackalloc byte[64];
        try
        {
            rng.Fill(wide);
            return group.ScalarFromUniformBytes(wide);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wide);
        }
    }

    /// <summary>
    /// Tⱼ = Σ scalars[i]·Bⱼᵢ + offset·Yⱼ for every equation, in constant time. A null offset skips the
    /// Yⱼ term: only proofs without an OR gate pass null, since they have no simulated branch to hide.
    /// </summary>
    public static GroupElement[] Commit(SigmaRelation relation, ReadOnlySpan<GroupScalar> scalars, GroupScalar? offset)
    {
        var commitments = new GroupElement[relation.Equations.Count];
        for (var j = 0; j < commitments.Length; j++)
        {
            var equation = relation.Equations[j];
            var sum = offset is null ? relation.Group.Identity : MultiplySecret(relation.Group, offset, equation.Target);
            foreach (var term in equation.Terms)
            {
                sum += MultiplySecret(relation.Group, scalars[term.WitnessIndex], term.Base);
            }

            commitments[j] = sum;
        }

        return commitments;
    }

    /// <summary>k·P in constant time, through the group's precomputed table when P is the standard generator.</summary>
    public static GroupElement MultiplySecret(IPrimeOrderGroup group, GroupScalar scalar, GroupElement point) =>
        ReferenceEquals(point, group.Generator) || point.Equals(group.Generator) ? group.MultiplyBase(scalar) : scalar * point;

    /// <summary>sᵢ = kᵢ + c·wᵢ.</summary>
    public static GroupScalar[] Respond(ReadOnlySpan<GroupScalar> nonces, ReadOnlySpan<GroupScalar> witness, GroupScalar challenge)
    {
        var responses = new GroupScalar[nonces.Length];
        for (var i = 0; i < responses.Length; i++)
        {
            using var product = challenge * witness[i];
            responses[i] = nonces[i] + product;
        }

        return responses;
    }

    /// <summary>Appends the commitments to the transcript and draws the challenge.</summary>
    public static GroupScalar Challenge(Transcript transcript, IPrimeOrderGroup group, IEnumerable<GroupElement> commitments)
    {
        foreach (var commitment in commitments)
        {
            transcript.AppendMessage(CommitmentLabel, commitment.ToBytes());
        }

        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes(ChallengeLabel, wide);
        return group.ScalarFromUniformBytes(wide);
    }

    /// <summary>
    /// Adds ρⱼ·(Σ sᵢ·Bⱼᵢ − c·Yⱼ − Tⱼ) for every equation to <paramref name="msm"/>, with fresh random
    /// weights ρⱼ; the sum over valid proofs is the identity.
    /// </summary>
    public static void Accumulate(SigmaRelation relation, IReadOnlyList<GroupElement> commitments, IReadOnlyList<GroupScalar> responses, GroupScalar challenge, MsmAccumulator msm)
    {
        for (var j = 0; j < relation.Equations.Count; j++)
        {
            var equation = relation.Equations[j];
            var weight = msm.NextWeight();
            foreach (var term in equation.Terms)
            {
                msm.Add(weight * responses[term.WitnessIndex], term.Base);
            }

            msm.Add(-(weight * challenge), equation.Target);
            msm.Add(-weight, commitments[j]);
        }
    }

    /// <summary>Writes commitments then responses.</summary>
    public static void WriteProof(IPrimeOrderGroup group, IReadOnlyList<GroupElement> commitments, IReadOnlyList<GroupScalar> responses, Span<byte> destination)
    {
        var offset = 0;
        foreach (var commitment in commitments)
        {
            commitment.Encode(destination.Slice(offset, group.ElementLength));
            offset += group.ElementLength;
        }

        foreach (var response in responses)
        {
            response.Encode(destination.Slice(offset, group.ScalarLength));
            offset += group.ScalarLength;
        }
    }

    /// <summary>
    /// Strictly parses commitments (canonical, not the identity) and responses (canonical) for
    /// <paramref name="relation"/> from the start of <paramref name="source"/>; returns the bytes read or −1.
    /// </summary>
    public static int TryReadProof(SigmaRelation relation, ReadOnlySpan<byte> source, out GroupElement[] commitments, out GroupScalar[] responses, out string? error)
    {
        var group = relation.Group;
        commitments = new GroupElement[relation.Equations.Count];
        responses = new GroupScalar[relation.WitnessCount];
        error = null;
        if (source.Length < relation.ProofLength)
        {
            error = $"The proof is truncated: a {relation.Equations.Count}-commitment, {relation.WitnessCount}-response sigma proof needs {relation.ProofLength} bytes.";
            return -1;
        }

        var offset = 0;
        for (var j = 0; j < commitments.Length; j++)
        {
            if (!group.TryDecodeElement(source.Slice(offset, group.ElementLength), out var element) || element.IsIdentity)
            {
                error = $"Commitment {j} is not a canonical, non-identity {group.Name} element.";
                return -1;
            }

            commitments[j] = element;
            offset += group.ElementLength;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            if (!group.TryDecodeScalar(source.Slice(offset, group.ScalarLength), out var scalar))
            {
                error = $"Response {i} is not a canonical {group.Name} scalar.";
                return -1;
            }

            responses[i] = scalar;
            offset += group.ScalarLength;
        }

        return offset;
    }
}
