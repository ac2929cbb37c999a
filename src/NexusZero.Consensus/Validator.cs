using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Locks;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>
/// An honest validator: evaluates proposals with its evaluators, signs one vote per (proposal, round) and
/// countersigns certificates that verify. Asked twice for the same proposal and round it returns the vote it
/// already signed, so retries never make it equivocate. It countersigns at most one certificate per (validator
/// set, proposal, round), remembered in its <see cref="ICommitLockStore"/>; a different certificate for a round
/// it already countersigned is refused with <see cref="CommitConflictException"/>. Owns its key: dispose the
/// validator to wipe it.
/// </summary>
public sealed class Validator : IDisposable
{
    private const int RememberedVotes = 4096;

    private readonly ISigningKey _key;
    private readonly IQualityEvaluator[] _evaluators;
    private readonly TimeProvider _time;
    private readonly ICommitLockStore _commitLocks;
    private readonly Dictionary<(string Digest, ulong Round), SignedVote> _votes = [];
    private readonly Queue<(string Digest, ulong Round)> _voteOrder = new();
    private readonly Lock _gate = new();

    /// <summary>Creates a validator.</summary>
    /// <param name="set">The validator set it belongs to.</param>
    /// <param name="id">Its id in the set.</param>
    /// <param name="key">Its signing key, matching the set's public key for <paramref name="id"/>; the validator takes ownership.</param>
    /// <param name="evaluators">At least one evaluator.</param>
    /// <param name="timeProvider">The clock for deadlines; the system clock when null.</param>
    /// <exception cref="ArgumentException">The id is not in the set, the key does not match, or no evaluators.</exception>
    public Validator(ValidatorSet set, string id, ISigningKey key, IEnumerable<IQualityEvaluator> evaluators, TimeProvider? timeProvider = null)
        : this(set, id, key, evaluators, commitLocks: null, timeProvider)
    {
    }

    /// <summary>Creates a validator that keeps its commit locks in <paramref name="commitLocks"/>.</summary>
    /// <param name="set">The validator set it belongs to.</param>
    /// <param name="id">Its id in the set.</param>
    /// <param name="key">Its signing key, matching the set's public key for <paramref name="id"/>; the validator takes ownership.</param>
    /// <param name="evaluators">At least one evaluator.</param>
    /// <param name="commitLocks">Where commit locks are kept (a <see cref="FileCommitLockStore"/> survives restarts); in memory when null.</param>
    /// <param name="timeProvider">The clock for deadlines; the system clock when null.</param>
    /// <exception cref="ArgumentException">The id is not in the set, the key does not match, or no evaluators.</exception>
    public Validator(ValidatorSet set, string id, ISigningKey key, IEnumerable<IQualityEvaluator> evaluators, ICommitLockStore? commitLocks, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(evaluators);
        if (!set.TryGetMember(id, out var member))
        {
            throw new ArgumentException($"'{id}' is not a member of the validator set.", nameof(id));
        }

        if (key.Scheme != set.Scheme.Id || !key.PublicKey.Span.SequenceEqual(member.PublicKey.Span))
        {
            throw new ArgumentException($"The key does not match the public key of '{id}' in the validator set.", nameof(key));
        }

        _evaluators = evaluators.ToArray();
        if (_evaluators.Length == 0)
        {
            throw new ArgumentException("A validator needs at least one evaluator.", nameof(evaluators));
        }

        ValidatorSet = set;
        Id = id;
        _key = key;
        _time = timeProvider ?? TimeProvider.System;
        _commitLocks = commitLocks ?? new InMemoryCommitLockStore(_time);
    }

    /// <summary>
    /// How long a commit lock is kept after the countersignature: the lifetime of a round as far as locking goes.
    /// Certificates carry no deadline, so the lock outlives any proposal deadline a coordinator would set.
    /// </summary>
    public static TimeSpan CommitLockLifetime { get; } = TimeSpan.FromDays(7);

    /// <summary>The validator's id.</summary>
    public string Id { get; }

    /// <summary>The validator set it belongs to.</summary>
    public ValidatorSet ValidatorSet { get; }

    /// <summary>Evaluates a proposal and returns this validator's signed vote.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="content">The artifacts; their digests must equal the proposal's subject.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The signed vote.</returns>
    /// <exception cref="ValidatorRefusedException">Another validator set, a passed deadline, or content that does not match the subject.</exception>
    public async Task<SignedVote> VoteAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(content);
        if (!proposal.IsFor(ValidatorSet))
        {
            throw new ValidatorRefusedException($"The proposal is for validator set {Convert.ToHexStringLower(proposal.SetId)}; this validator belongs to {ValidatorSet.SetIdHex}.");
        }

        if (_time.GetUtcNow() > proposal.Deadline)
        {
            throw new ValidatorRefusedException($"The proposal's deadline {proposal.Deadline:O} has passed.");
        }

        if (!content.ToSubject().SameAs(proposal.Subject))
        {
            throw new ValidatorRefusedException("The content's digests do not match the proposal's subject.");
        }

        var key = (Convert.ToHexStringLower(proposal.Digest), proposal.Round);
        lock (_gate)
        {
            if (_votes.TryGetValue(key, out var earlier))
            {
                return earlier;
            }
        }

        var (score, verdict, reasons) = await EvaluateAsync(proposal, content, cancellationToken).ConfigureAwait(false);
        var vote = new Vote(proposal.Digest, Id, proposal.Round, score, verdict, reasons);
        var signed = SignedVote.Create(vote, _key, ValidatorSet);
        lock (_gate)
        {
            // A concurrent request may have signed first; returning that one keeps the validator from equivocating.
            if (_votes.TryGetValue(key, out var earlier))
            {
                return earlier;
            }

            _votes.Add(key, signed);
            _voteOrder.Enqueue(key);
            if (_voteOrder.Count > RememberedVotes)
            {
                _votes.Remove(_voteOrder.Dequeue());
            }
        }

        return signed;
    }

    /// <summary>Checks a certificate's votes, thresholds and median, and countersigns it.</summary>
    /// <param name="certificate">The certificate (its commit signatures are ignored).</param>
    /// <returns>This validator's commit signature.</returns>
    /// <exception cref="ValidatorRefusedException">The certificate does not verify; the message says why.</exception>
    /// <exception cref="CommitConflictException">This validator already countersigned a different certificate for the same set, proposal and round.</exception>
    /// <exception cref="IOException">The commit lock could not be persisted; nothing was signed.</exception>
    public CommitSignature Countersign(QuorumCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var result = CertificateVerifier.VerifyVotes(certificate, ValidatorSet, expectedSubject: null);
        if (!result.IsValid)
        {
            throw new ValidatorRefusedException($"Not countersigning: {result.Reason}");
        }

        // Lock before signing: a second, different certificate for this round (say, re-aggregated from a subset
        // of the votes so the median moves) must never get this validator's signature.
        var digest = certificate.GetCommitDigest();
        var key = new CommitLockKey(ValidatorSet.SetIdHex, Convert.ToHexStringLower(certificate.ProposalDigest), certificate.Round);
        var locked = _commitLocks.LockOrGet(key, digest, _time.GetUtcNow() + CommitLockLifetime);
        if (!locked.AsSpan().SequenceEqual(digest))
        {
            throw new CommitConflictException(Id, key, locked, digest);
        }

        return new CommitSignature(Id, _key.Sign(certificate.GetCommitPayload()));
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private async Task<(Score Score, Verdict Verdict, List<string> Reasons)> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        var score = new Score(Score.Scale);
        var verdict = Verdict.Accept;
        var reasons = new List<string>();
        foreach (var evaluator in _evaluators)
        {
            var assessment = await evaluator.EvaluateAsync(proposal, content, cancellationToken).ConfigureAwait(false);
            if (assessment.Score < score)
            {
                score = assessment.Score;
            }

            if (assessment.Verdict == Verdict.Reject)
            {
                verdict = Verdict.Reject;
            }

            foreach (var reason in assessment.Reasons)
            {
                if (reasons.Count < Vote.MaxReasons)
                {
                    reasons.Add(Truncate($"{evaluator.Name}: {reason}"));
                }
            }
        }

        return (score, verdict, reasons);
    }

    private static string Truncate(string reason)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= Vote.MaxReasonBytes)
        {
            return reason;
        }

        // Cut on a text-element boundary so the result stays valid UTF-8 within the limit.
        var builder = new System.Text.StringBuilder();
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(reason);
        var bytes = 0;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            bytes += System.Text.Encoding.UTF8.GetByteCount(element);
            if (bytes > Vote.MaxReasonBytes)
            {
                break;
            }

            builder.Append(element);
        }

        return builder.ToString();
    }
}
