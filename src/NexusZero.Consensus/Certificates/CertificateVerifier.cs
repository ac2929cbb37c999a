using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Certificates;

/// <summary>Checks quorum certificates offline against a validator set's public keys.</summary>
public static class CertificateVerifier
{
    /// <summary>
    /// Checks everything a certificate claims: the set id and scheme, distinct member voters in ascending order,
    /// every vote signature over this proposal and round, a quorum of vote weight, a quorum behind the verdict,
    /// the aggregate score as the median, and a quorum of valid commit countersignatures.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="set">The validator set it claims.</param>
    /// <param name="expectedSubject">When given, the subject the certificate must be about.</param>
    /// <returns>Valid, or the first failure found.</returns>
    public static CertificateVerificationResult Verify(QuorumCertificate certificate, ValidatorSet set, ProposalSubject? expectedSubject = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(set);
        var result = VerifyVotes(certificate, set, expectedSubject);
        return result.IsValid ? VerifyCommits(certificate, set) : result;
    }

    /// <summary>
    /// Checks each vote of a certificate on its own: membership, ascending distinct order, the certificate's
    /// proposal digest and round, and the signature over <see cref="Vote.GetSigningPayload"/> with the
    /// certificate's set id. Unlike <see cref="Verify"/> it neither stops at the first failure nor checks weights,
    /// the aggregate or commit signatures: it says which votes are good.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="set">The validator set whose keys the votes must verify under.</param>
    /// <returns>One result per vote, in the certificate's order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<VoteVerificationResult> VerifyVotes(QuorumCertificate certificate, ValidatorSet set)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(set);
        var setId = certificate.SetId.ToArray();
        var results = new VoteVerificationResult[certificate.Votes.Count];
        string? previous = null;
        for (var i = 0; i < results.Length; i++)
        {
            var signed = certificate.Votes[i];
            var vote = signed.Vote;
            var ordered = previous is null || string.CompareOrdinal(previous, vote.ValidatorId) < 0;
            previous = vote.ValidatorId;
            results[i] = new VoteVerificationResult(vote.ValidatorId, !ordered
                ? VoteRejection.DuplicateOrUnordered
                : !set.TryGetIndex(vote.ValidatorId, out var index) ? VoteRejection.NotAMember
                : !vote.ProposalDigest.SequenceEqual(certificate.ProposalDigest) ? VoteRejection.WrongProposal
                : vote.Round != certificate.Round ? VoteRejection.WrongRound
                : !set.HasSetId(certificate.SetId) || !set.VerifierAt(index).Verify(vote.GetSigningPayload(setId), signed.Signature) ? VoteRejection.InvalidSignature
                : VoteRejection.None);
        }

        return results;
    }

    /// <summary>Everything except the commit signatures: what a validator checks before countersigning.</summary>
    internal static CertificateVerificationResult VerifyVotes(QuorumCertificate certificate, ValidatorSet set, ProposalSubject? expectedSubject)
    {
        if (!set.HasSetId(certificate.SetId) || certificate.Scheme != set.Scheme.Id)
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.WrongValidatorSet, $"The certificate is for validator set {Convert.ToHexStringLower(certificate.SetId)}, not {set.SetIdHex}.");
        }

        if (expectedSubject is not null && !expectedSubject.SameAs(certificate.Subject))
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.WrongProposal, "The certificate is about another subject than the one expected.");
        }

        var setId = set.SetId.ToArray();
        var entries = new List<(Score, int)>(certificate.Votes.Count);
        long weight = 0;
        long verdictWeight = 0;
        string? previous = null;
        foreach (var signed in certificate.Votes)
        {
            var vote = signed.Vote;
            if (previous is not null && string.CompareOrdinal(previous, vote.ValidatorId) >= 0)
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.DuplicateOrUnordered, $"Vote of '{vote.ValidatorId}' is duplicated or out of order.");
            }

            previous = vote.ValidatorId;
            if (!set.TryGetIndex(vote.ValidatorId, out var index))
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.UnknownValidator, $"'{vote.ValidatorId}' is not a member of the validator set.");
            }

            // The payload is rebuilt from the certificate's own set id, digest and round: this is the binding.
            if (!vote.ProposalDigest.SequenceEqual(certificate.ProposalDigest) || vote.Round != certificate.Round
                || !set.VerifierAt(index).Verify(vote.GetSigningPayload(setId), signed.Signature))
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.InvalidVoteSignature, $"The vote signature of '{vote.ValidatorId}' does not verify for this proposal and round.");
            }

            var memberWeight = set.MemberAt(index).Weight;
            weight += memberWeight;
            if (vote.Verdict == certificate.Verdict)
            {
                verdictWeight += memberWeight;
            }

            entries.Add((vote.Score, memberWeight));
        }

        if (weight < set.QuorumWeight)
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.InsufficientVotes, $"The votes weigh {weight}; a quorum needs {set.QuorumWeight}.");
        }

        if (verdictWeight < set.QuorumWeight)
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.VerdictNotSupported, $"{certificate.Verdict} is backed by weight {verdictWeight}; it needs {set.QuorumWeight}.");
        }

        var median = ScoreAggregation.WeightedLowerMedian(entries);
        if (median != certificate.AggregateScore)
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.WrongAggregateScore, $"The aggregate score is {certificate.AggregateScore}; the median of the votes is {median}.");
        }

        return CertificateVerificationResult.Valid;
    }

    private static CertificateVerificationResult VerifyCommits(QuorumCertificate certificate, ValidatorSet set)
    {
        var payload = certificate.GetCommitPayload();
        long weight = 0;
        string? previous = null;
        foreach (var commit in certificate.CommitSignatures)
        {
            if (previous is not null && string.CompareOrdinal(previous, commit.ValidatorId) >= 0)
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.DuplicateOrUnordered, $"Commit signature of '{commit.ValidatorId}' is duplicated or out of order.");
            }

            previous = commit.ValidatorId;
            if (!set.TryGetIndex(commit.ValidatorId, out var index))
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.UnknownValidator, $"Commit signer '{commit.ValidatorId}' is not a member of the validator set.");
            }

            if (!set.VerifierAt(index).Verify(payload, commit.Signature))
            {
                return CertificateVerificationResult.Invalid(CertificateFailure.InvalidCommitSignature, $"The commit signature of '{commit.ValidatorId}' does not verify.");
            }

            weight += set.MemberAt(index).Weight;
        }

        if (weight < set.QuorumWeight)
        {
            return CertificateVerificationResult.Invalid(CertificateFailure.InsufficientCommitSignatures, $"The commit signatures weigh {weight}; finality needs {set.QuorumWeight}.");
        }

        return CertificateVerificationResult.Valid;
    }
}
