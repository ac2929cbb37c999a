using System.Security.Cryptography;
using NexusZero.Consensus.Canonical;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// One round of judging a subject by one validator set. <see cref="Digest"/> binds the set id and the subject;
/// the round is bound separately in each vote, so a vote from another round never counts.
/// </summary>
public sealed class Proposal
{
    private readonly byte[] _setId;
    private readonly byte[] _digest;

    /// <summary>Creates a proposal.</summary>
    /// <param name="setId">The 32-byte validator-set id.</param>
    /// <param name="subject">What is judged.</param>
    /// <param name="round">The round number, at least 1.</param>
    /// <param name="deadline">When votes stop being accepted.</param>
    /// <exception cref="ArgumentException">The set id is not 32 bytes or the round is 0.</exception>
    public Proposal(ReadOnlySpan<byte> setId, ProposalSubject subject, ulong round, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (setId.Length != ProposalSubject.DigestSize)
        {
            throw new ArgumentException($"A validator-set id is 32 bytes; got {setId.Length}.", nameof(setId));
        }

        ArgumentOutOfRangeException.ThrowIfZero(round);
        _setId = setId.ToArray();
        Subject = subject;
        Round = round;
        Deadline = deadline;
        _digest = ComputeDigest(setId, subject);
    }

    /// <summary>The validator-set id.</summary>
    public ReadOnlySpan<byte> SetId => _setId;

    /// <summary>What is judged.</summary>
    public ProposalSubject Subject { get; }

    /// <summary>The round number.</summary>
    public ulong Round { get; }

    /// <summary>When votes stop being accepted.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>The 32-byte proposal digest every vote signs.</summary>
    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>
    /// SHA-256 over the proposal label, the set id and the subject (model id, envelope hash, output hash,
    /// explanation digest), as docs/formats.md lays out.
    /// </summary>
    /// <param name="setId">The validator-set id.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeDigest(ReadOnlySpan<byte> setId, ProposalSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var writer = new CanonicalWriter();
        writer.WriteLabel(DomainLabels.Proposal);
        writer.WriteBytes(setId);
        subject.Write(writer);
        return SHA256.HashData(writer.WrittenSpan);
    }

    internal bool IsFor(ValidatorSet set) => set.HasSetId(_setId);
}
