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

    public VotePool(ValidatorSet set, Proposal proposal)
    {
        _set = set;
        _proposal = proposal;
        _setId = set.SetId.ToArray();
    }

    public IReadOnlyList<Evidence> Evidence => _evidence;

    public IReadOnlyList<RejectedVote> Rejected => _rejected;

    public IEnumerable<SignedVote> AcceptedVotes => _accepted.Values.Select(v => v.Vote);

    public bool HasVoteFrom(string id) => _accepted.ContainsKey(id);

    public bool IsExcluded(string id) => _excluded.Contains(id);

    public void Add(SignedVote signed, string channelId)
    {
        ConsensusMetrics.VotesReceived.Add(1);
        var vote = signed.Vote;
        var reason = Check(signed, out var payload);
        if (reason is not null)
        {
            Reject(channelId, reason);
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
            _rejected.Add(new RejectedVote(vote.ValidatorId, "equivocation: two different signed votes for this proposal and round; excluded"));
            return;
        }

        _accepted.Add(vote.ValidatorId, (signed, payload!));
    }

    public void Reject(string channelId, string reason)
    {
        ConsensusMetrics.InvalidVotes.Add(1);
        _rejected.Add(new RejectedVote(channelId, reason));
    }

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

    private string? Check(SignedVote signed, out byte[]? payload)
    {
        payload = null;
        var vote = signed.Vote;
        if (!_set.TryGetIndex(vote.ValidatorId, out var index))
        {
            return $"vote from '{vote.ValidatorId}', which is not a member of the validator set";
        }

        if (_excluded.Contains(vote.ValidatorId))
        {
            return $"'{vote.ValidatorId}' is excluded for equivocation";
        }

        if (!vote.ProposalDigest.SequenceEqual(_proposal.Digest))
        {
            return "vote for another proposal digest";
        }

        if (vote.Round != _proposal.Round)
        {
            return $"vote for round {vote.Round}; this is round {_proposal.Round}";
        }

        payload = vote.GetSigningPayload(_setId);
        return _set.VerifierAt(index).Verify(payload, signed.Signature) ? null : $"the signature of '{vote.ValidatorId}' does not verify";
    }
}
