using NexusZero.Consensus.Canonical;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// A validator's judgement of one proposal in one round: score, verdict and short reasons. Sign it with
/// <see cref="SignedVote.Create"/>; the signing payload is domain-separated and bound to the validator set.
/// </summary>
public sealed class Vote
{
    /// <summary>The most reasons a vote carries.</summary>
    public const int MaxReasons = 8;

    /// <summary>The longest reason, in UTF-8 bytes.</summary>
    public const int MaxReasonBytes = 256;

    private readonly byte[] _proposalDigest;

    /// <summary>Creates a vote.</summary>
    /// <param name="proposalDigest">The 32-byte proposal digest.</param>
    /// <param name="validatorId">The voting validator.</param>
    /// <param name="round">The round, at least 1.</param>
    /// <param name="score">The quality score.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="reasons">Up to 8 reasons of up to 256 UTF-8 bytes each.</param>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public Vote(ReadOnlySpan<byte> proposalDigest, string validatorId, ulong round, Score score, Verdict verdict, IEnumerable<string>? reasons = null)
    {
        if (proposalDigest.Length != ProposalSubject.DigestSize)
        {
            throw new ArgumentException($"A proposal digest is 32 bytes; got {proposalDigest.Length}.", nameof(proposalDigest));
        }

        ValidatorMember.ValidateId(validatorId);
        ArgumentOutOfRangeException.ThrowIfZero(round);
        if (!Enum.IsDefined(verdict))
        {
            throw new ArgumentException($"Unknown verdict {(int)verdict}.", nameof(verdict));
        }

        var list = reasons?.ToArray() ?? [];
        if (list.Length > MaxReasons)
        {
            throw new ArgumentException($"{list.Length} reasons; the limit is {MaxReasons}.", nameof(reasons));
        }

        foreach (var reason in list)
        {
            ArgumentNullException.ThrowIfNull(reason, nameof(reasons));
            if (System.Text.Encoding.UTF8.GetByteCount(reason) > MaxReasonBytes)
            {
                throw new ArgumentException($"A reason is longer than {MaxReasonBytes} UTF-8 bytes.", nameof(reasons));
            }
        }

        _proposalDigest = proposalDigest.ToArray();
        ValidatorId = validatorId;
        Round = round;
        Score = score;
        Verdict = verdict;
        Reasons = list;
    }

    /// <summary>The proposal digest.</summary>
    public ReadOnlySpan<byte> ProposalDigest => _proposalDigest;

    /// <summary>The voting validator.</summary>
    public string ValidatorId { get; }

    /// <summary>The round.</summary>
    public ulong Round { get; }

    /// <summary>The quality score.</summary>
    public Score Score { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>Why the validator judged as it did.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>
    /// The bytes a validator signs: vote label, set id, proposal digest, round, validator id, verdict, score,
    /// reasons (docs/formats.md).
    /// </summary>
    /// <param name="setId">The validator-set id.</param>
    /// <returns>The payload.</returns>
    public byte[] GetSigningPayload(ReadOnlySpan<byte> setId)
    {
        var writer = new CanonicalWriter();
        writer.WriteLabel(DomainLabels.Vote);
        writer.WriteBytes(setId);
        writer.WriteBytes(_proposalDigest);
        writer.WriteUInt64(Round);
        writer.WriteString8(ValidatorId);
        WriteJudgement(writer);
        return writer.ToArray();
    }

    /// <summary>Verdict, score and reasons: the part of a vote a certificate stores per validator.</summary>
    internal void WriteJudgement(CanonicalWriter writer)
    {
        writer.WriteByte((byte)Verdict);
        writer.WriteUInt32(Score.Millionths);
        writer.WriteByte((byte)Reasons.Count);
        foreach (var reason in Reasons)
        {
            writer.WriteString16(reason);
        }
    }

    internal static Vote ReadJudgement(ref CanonicalReader reader, ReadOnlySpan<byte> proposalDigest, string validatorId, ulong round)
    {
        var verdictByte = reader.ReadByte("vote verdict");
        if (verdictByte is not ((byte)Verdict.Accept or (byte)Verdict.Reject))
        {
            throw new FormatException($"vote verdict: unknown value {verdictByte}.");
        }

        var score = reader.ReadUInt32("vote score");
        if (!Score.IsValid(score))
        {
            throw new FormatException($"vote score: {score} exceeds {Score.Scale}.");
        }

        var count = reader.ReadByte("vote reason count");
        if (count > MaxReasons)
        {
            throw new FormatException($"vote reason count: {count} exceeds {MaxReasons}.");
        }

        var reasons = new string[count];
        for (var i = 0; i < count; i++)
        {
            reasons[i] = reader.ReadString16("vote reason", MaxReasonBytes);
        }

        return new Vote(proposalDigest, validatorId, round, new Score(score), (Verdict)verdictByte, reasons);
    }
}
