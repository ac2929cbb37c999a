namespace NexusZero.Consensus.Certificates;

/// <summary>The check of one vote in a certificate.</summary>
/// <param name="ValidatorId">The validator the vote names.</param>
/// <param name="Rejection"><see cref="VoteRejection.None"/> when the vote verifies; otherwise why not.</param>
public sealed record VoteVerificationResult(string ValidatorId, VoteRejection Rejection)
{
    /// <summary>True when the vote verifies.</summary>
    public bool IsValid => Rejection == VoteRejection.None;
}
