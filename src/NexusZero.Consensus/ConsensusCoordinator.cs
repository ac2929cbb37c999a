using System.Diagnostics;
using System.Threading.Channels;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Transport;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>
/// Runs rounds over a set of validator channels, whatever the transport: propose, collect and check votes,
/// build the certificate, collect countersignatures. Safe for concurrent rounds.
/// </summary>
internal sealed class ConsensusCoordinator
{
    private readonly ValidatorSet _set;
    private readonly IValidatorChannel[] _channels;
    private readonly ConsensusOptions _options;
    private readonly TimeProvider _time;
    private long _nextRound;

    public ConsensusCoordinator(ValidatorSet set, IEnumerable<IValidatorChannel> channels, ConsensusOptions? options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(channels);
        _set = set;
        _options = options ?? new ConsensusOptions();
        _options.Validate();
        _channels = channels.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in _channels)
        {
            if (!set.TryGetMember(channel.ValidatorId, out _) || !seen.Add(channel.ValidatorId))
            {
                throw new ArgumentException($"Validator '{channel.ValidatorId}' is not a member of the set or appears twice.", nameof(channels));
            }
        }

        _time = time ?? TimeProvider.System;
        _nextRound = (long)_options.InitialRound - 1;
    }

    public ValidatorSet ValidatorSet => _set;

    public async Task<ConsensusResult> RunAsync(ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var started = Stopwatch.GetTimestamp();
        var machine = new RoundStateMachine();
        machine.MoveTo(RoundState.Proposing);
        var round = (ulong)Interlocked.Increment(ref _nextRound);
        var proposal = new Proposal(_set.SetId, content.ToSubject(), round, _time.GetUtcNow() + _options.VotingTimeout);
        machine.MoveTo(RoundState.Voting);
        var pool = new VotePool(_set, proposal);
        var timedOut = await CollectVotesAsync(proposal, content, pool, cancellationToken).ConfigureAwait(false);

        var verdict = pool.QuorumVerdict();
        if (verdict is null)
        {
            var valid = pool.Weight(null);
            var (reason, message) = timedOut
                ? (ConsensusFailureReason.DeadlineExceeded, $"The voting deadline passed with valid votes of weight {valid}; a verdict needs {_set.QuorumWeight}.")
                : valid >= _set.QuorumWeight
                    ? (ConsensusFailureReason.SplitVerdicts, $"Valid votes weigh {valid} but neither verdict reaches {_set.QuorumWeight} (accept {pool.Weight(Verdict.Accept)}, reject {pool.Weight(Verdict.Reject)}).")
                    : (ConsensusFailureReason.NotEnoughValidVotes, $"Valid votes weigh {valid}; a quorum needs {_set.QuorumWeight} ({pool.Rejected.Count} replies rejected).");
            return Fail(machine, proposal, pool, reason, message, started);
        }

        var votes = pool.AcceptedVotes.ToArray();
        var median = ScoreAggregation.WeightedLowerMedian(votes.Select(v => (v.Vote.Score, Weight(v.Vote.ValidatorId))).ToArray());
        var draft = new QuorumCertificate(_set.Scheme.Id, _set.SetId, proposal.Subject, round, verdict.Value, median, votes, []);
        machine.MoveTo(RoundState.Committing);
        var conflicts = new System.Collections.Concurrent.ConcurrentQueue<CommitConflict>();
        var commits = await CollectCommitsAsync(draft, pool, conflicts, cancellationToken).ConfigureAwait(false);
        if (commits is null)
        {
            var conflicted = conflicts.IsEmpty ? string.Empty : $" {conflicts.Count} refused: they had countersigned a different certificate for this proposal and round.";
            return Fail(machine, proposal, pool, ConsensusFailureReason.NotEnoughCommitSignatures, $"Fewer than weight {_set.QuorumWeight} of validators countersigned within {_options.CommitTimeout.TotalMilliseconds} ms.{conflicted}", started, [.. conflicts]);
        }

        machine.MoveTo(RoundState.Finalized);
        var elapsed = Stopwatch.GetElapsedTime(started);
        ConsensusMetrics.RoundDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", "finalized"));
        return new ConsensusResult(proposal, machine.History, draft.WithCommitSignatures(commits), ConsensusFailureReason.None, null, pool.Evidence, pool.Rejected, pool.Unanswered, elapsed) { CommitConflicts = [.. conflicts] };
    }

    private static ConsensusResult Fail(RoundStateMachine machine, Proposal proposal, VotePool pool, ConsensusFailureReason reason, string message, long started, IReadOnlyList<CommitConflict>? conflicts = null)
    {
        machine.MoveTo(RoundState.Failed);
        var elapsed = Stopwatch.GetElapsedTime(started);
        ConsensusMetrics.RoundDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", "failed"));
        return new ConsensusResult(proposal, machine.History, null, reason, message, pool.Evidence, pool.Rejected, pool.Unanswered, elapsed) { CommitConflicts = conflicts ?? [] };
    }

    private int Weight(string id)
    {
        _set.TryGetMember(id, out var member);
        return member!.Weight;
    }

    /// <summary>Collects votes until all channels answered, the deadline, the grace after a quorum, or a doomed round.</summary>
    /// <returns>True when the deadline ended collection with replies outstanding.</returns>
    private async Task<bool> CollectVotesAsync(Proposal proposal, ProposalContent content, VotePool pool, CancellationToken cancellationToken)
    {
        using var voting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var replies = Channel.CreateUnbounded<(IValidatorChannel Channel, IReadOnlyList<SignedVote>? Votes, Exception? Error)>();
        foreach (var channel in _channels)
        {
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        var votes = await channel.RequestVotesAsync(proposal, content, voting.Token).ConfigureAwait(false);
                        replies.Writer.TryWrite((channel, votes, null));
                    }
                    catch (Exception ex)
                    {
                        replies.Writer.TryWrite((channel, null, ex));
                    }
                },
                CancellationToken.None);
        }

        var pending = new HashSet<string>(_channels.Select(c => c.ValidatorId), StringComparer.Ordinal);
        DateTimeOffset? graceEnd = null;
        try
        {
            while (pending.Count > 0)
            {
                var end = graceEnd is { } g && g < proposal.Deadline ? g : proposal.Deadline;
                var wait = end - _time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    foreach (var id in pending)
                    {
                        pool.NoReply(id);
                    }

                    return graceEnd is null;
                }

                (IValidatorChannel Channel, IReadOnlyList<SignedVote>? Votes, Exception? Error) reply;
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    waiting.CancelAfter(wait);
                    try
                    {
                        reply = await replies.Reader.ReadAsync(waiting.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        continue;
                    }
                }

                pending.Remove(reply.Channel.ValidatorId);
                Admit(reply.Channel.ValidatorId, reply.Votes, reply.Error, pool);
                if (graceEnd is null && pool.QuorumVerdict() is not null)
                {
                    graceEnd = _time.GetUtcNow() + _options.StragglerGrace;
                }

                if (graceEnd is null && IsDoomed(pool, pending))
                {
                    foreach (var id in pending)
                    {
                        pool.NoReply(id);
                    }

                    return false;
                }
            }

            return false;
        }
        finally
        {
            await voting.CancelAsync().ConfigureAwait(false);
        }
    }

    private void Admit(string channelId, IReadOnlyList<SignedVote>? votes, Exception? error, VotePool pool)
    {
        if (error is not null)
        {
            var kind = Classify(error);
            pool.Reject(channelId, kind == VoteRejection.TimedOut ? "no reply before the deadline" : $"reply failed: {error.Message}", kind);
            return;
        }

        if (votes is null || votes.Count == 0)
        {
            pool.Reject(channelId, "empty reply", VoteRejection.EmptyReply);
            return;
        }

        // A reply can relay at most one vote per member; anything beyond that is noise from a faulty peer.
        foreach (var vote in votes.Take(_set.Count))
        {
            pool.Add(vote, channelId);
        }
    }

    /// <summary>What a channel's exception means: any transport may throw these, so the mapping is by exception type.</summary>
    private static VoteRejection Classify(Exception error) => error switch
    {
        OperationCanceledException or TimeoutException => VoteRejection.TimedOut,
        FormatException => VoteRejection.MalformedReply,
        ValidatorRefusedException => VoteRejection.Refused,
        HttpRequestException { StatusCode: not null and var status } when (int)status < 500 => VoteRejection.Refused,
        _ => VoteRejection.Unreachable,
    };

    /// <summary>True when no verdict can reach a quorum even if every outstanding validator votes for it.</summary>
    private bool IsDoomed(VotePool pool, HashSet<string> pending)
    {
        long outstanding = 0;
        foreach (var id in pending)
        {
            if (!pool.HasVoteFrom(id) && !pool.IsExcluded(id))
            {
                outstanding += Weight(id);
            }
        }

        return pool.Weight(Verdict.Accept) + outstanding < _set.QuorumWeight
            && pool.Weight(Verdict.Reject) + outstanding < _set.QuorumWeight;
    }

    /// <summary>
    /// Gathers valid countersignatures up to a quorum. The certificate first goes to just enough validators to
    /// make a quorum (those whose votes were admitted first); each failure or bad signature brings in the next
    /// one, and after <see cref="ConsensusOptions.CommitHedgeDelay"/> every remaining validator is asked, so a
    /// silent validator costs one hedge delay instead of the commit timeout. Asking only a quorum saves the
    /// other validators from re-verifying every vote.
    /// </summary>
    /// <returns>The commit signatures in id order, or null when a quorum did not countersign in time.</returns>
    private async Task<List<CommitSignature>?> CollectCommitsAsync(QuorumCertificate draft, VotePool pool, System.Collections.Concurrent.ConcurrentQueue<CommitConflict> conflicts, CancellationToken cancellationToken)
    {
        var payload = draft.GetCommitPayload();
        var order = _channels.Where(c => !pool.IsExcluded(c.ValidatorId)).OrderBy(c => pool.HasVoteFrom(c.ValidatorId) ? 0 : 1).ToArray();
        using var committing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        committing.CancelAfter(_options.CommitTimeout);
        var replies = Channel.CreateUnbounded<(IValidatorChannel Channel, CommitSignature? Commit)>();
        var next = 0;
        long outstanding = 0;
        var commits = new SortedDictionary<string, CommitSignature>(StringComparer.Ordinal);
        long weight = 0;

        void Dispatch()
        {
            var channel = order[next++];
            outstanding += Weight(channel.ValidatorId);
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        replies.Writer.TryWrite((channel, await channel.RequestCommitAsync(draft, committing.Token).ConfigureAwait(false)));
                    }
                    catch (CommitConflictException conflict)
                    {
                        conflicts.Enqueue(new CommitConflict(channel.ValidatorId, conflict.SignedDigestHex, conflict.RequestedDigestHex));
                        replies.Writer.TryWrite((channel, null));
                    }
                    catch (Exception)
                    {
                        replies.Writer.TryWrite((channel, null));
                    }
                },
                CancellationToken.None);
        }

        void TopUp()
        {
            while (next < order.Length && weight + outstanding < _set.QuorumWeight)
            {
                Dispatch();
            }
        }

        TopUp();
        var hedgeAt = _time.GetUtcNow() + _options.CommitHedgeDelay;
        try
        {
            while (weight < _set.QuorumWeight)
            {
                if (outstanding == 0 && next >= order.Length)
                {
                    return null;
                }

                (IValidatorChannel Channel, CommitSignature? Commit) reply;
                using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(committing.Token))
                {
                    if (next < order.Length)
                    {
                        waiting.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (hedgeAt - _time.GetUtcNow()).Ticks)));
                    }

                    try
                    {
                        reply = await replies.Reader.ReadAsync(waiting.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (committing.IsCancellationRequested)
                        {
                            return null;
                        }

                        while (next < order.Length)
                        {
                            Dispatch();
                        }

                        continue;
                    }
                }

                outstanding -= Weight(reply.Channel.ValidatorId);
                var commit = reply.Commit;
                if (commit is not null && string.Equals(commit.ValidatorId, reply.Channel.ValidatorId, StringComparison.Ordinal)
                    && !commits.ContainsKey(commit.ValidatorId)
                    && _set.TryGetIndex(commit.ValidatorId, out var index)
                    && _set.VerifierAt(index).Verify(payload, commit.Signature))
                {
                    commits.Add(commit.ValidatorId, commit);
                    weight += _set.MemberAt(index).Weight;
                }

                TopUp();
            }
        }
        finally
        {
            await committing.CancelAsync().ConfigureAwait(false);
        }

        return commits.Values.ToList();
    }
}
