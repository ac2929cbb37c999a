using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>
/// The votes of one round, each admitted only after its membership, proposal digest, round and signature
/// check out. Two different validly signed votes from one validator become <see cref="Evidence"/> and that
/// validator is excluded for the rest of the round.
/// </summary>
internal sealed class VotePool
{
    private readonly ValidatorSet _set;
    private readonly Proposal _proposal;
    private readonly byte[] _setId;
    private readonly SortedDictionary<string, (SignedVote Vote, byte[] Payload)> _accepted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excluded = new(StringComparer.Ordinal);
    private readonly List<Evidence> _evidence = [];
    private readonly List<RejectedVote> _rejected = [];
    private readonly List<string> _unanswered = [];

    public VotePool(ValidatorSet set, Proposal proposal)
    {
        _set = set;
        _proposal = proposal;
        _setId = set.SetId.ToArray();
    }

    public IReadOnlyList<Evidence> Evidence => _evidence;

    public IReadOnlyList<RejectedVote> Rejected => _rejected;

    /// <summary>Validators asked for a vote that never delivered a reply (timed out or unreachable).</summary>
    public IReadOnlyList<string> Unanswered => _unanswered;

    public IEnumerable<SignedVote> AcceptedVotes => _accepted.Values.Select(v => v.Vote);

    public bool HasVoteFrom(string id) => _accepted.ContainsKey(id);

    public bool IsExcluded(string id) => _excluded.Contains(id);

    public void Add(SignedVote signed, string channelId)
    {
        ConsensusMetrics.VotesReceived.Add(1);
        var vote = signed.Vote;
        var (kind, reason) = Check(signed, out var payload);
        if (kind != VoteRejection.None)
        {
            Reject(channelId, reason!, kind);
            return;
        }

        if (_accepted.TryGetValue(vote.ValidatorId, out var existing))
        {
            if (existing.Payload.AsSpan().SequenceEqual(payload))
            {
                return;
            }

            _evidence.Add(new Evidence(existing.Vote, signed));
            _excluded.Add(vote.ValidatorId);
            _accepted.Remove(vote.ValidatorId);
            ConsensusMetrics.EvidenceFound.Add(1);
            _rejected.Add(new RejectedVote(vote.ValidatorId, "equivocation: two different signed votes for this proposal and round; excluded", VoteRejection.Equivocation));
            return;
        }

        _accepted.Add(vote.ValidatorId, (signed, payload!));
    }

    public void Reject(string channelId, string reason, VoteRejection kind)
    {
        ConsensusMetrics.InvalidVotes.Add(1);
        _rejected.Add(new RejectedVote(channelId, reason, kind));
        if (kind is VoteRejection.TimedOut or VoteRejection.Unreachable)
        {
            _unanswered.Add(channelId);
        }
    }

    /// <summary>Records a validator whose reply was still outstanding when collection ended.</summary>
    public void NoReply(string channelId) => _unanswered.Add(channelId);

    /// <summary>The accepted weight behind a verdict, or behind any verdict when null.</summary>
    public long Weight(Verdict? verdict)
    {
        long weight = 0;
        foreach (var (id, entry) in _accepted)
        {
            if (verdict is null || entry.Vote.Vote.Verdict == verdict)
            {
                _set.TryGetMember(id, out var member);
                weight += member!.Weight;
            }
        }

        return weight;
    }

    public Verdict? QuorumVerdict()
    {
        if (Weight(Verdict.Accept) >= _set.QuorumWeight)
        {
            return Verdict.Accept;
        }

        return Weight(Verdict.Reject) >= _set.QuorumWeight ? Verdict.Reject : null;
    }

    private (VoteRejection Kind, string? Reason) Check(SignedVote signed, out byte[]? payload)
    {
        payload = null;
        var vote = signed.Vote;
        if (!_set.TryGetIndex(vote.ValidatorId, out var index))
        {
            return (VoteRejection.NotAMember, $"vote from '{vote.ValidatorId}', which is not a member of the validator set");
        }

        if (_excluded.Contains(vote.ValidatorId))
        {
            return (VoteRejection.Excluded, $"'{vote.ValidatorId}' is excluded for equivocation");
        }

        if (!vote.ProposalDigest.SequenceEqual(_proposal.Digest))
        {
            return (VoteRejection.WrongProposal, "vote for another proposal digest");
        }

        if (vote.Round != _proposal.Round)
        {
            return (VoteRejection.WrongRound, $"vote for round {vote.Round}; this is round {_proposal.Round}");
        }

        payload = vote.GetSigningPayload(_setId);
        return _set.VerifierAt(index).Verify(payload, signed.Signature)
            ? (VoteRejection.None, null)
            : (VoteRejection.InvalidSignature, $"the signature of '{vote.ValidatorId}' does not verify");
    }
}
