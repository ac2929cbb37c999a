namespace NexusZero.Consensus;

/// <summary>A reply or vote the client did not count, with the validator it came from and why.</summary>
/// <param name="ValidatorId">The validator whose channel delivered it (or the id the vote claimed).</param>
/// <param name="Reason">Why it was not counted, in words.</param>
/// <param name="Kind">Why it was not counted, as a value to branch on.</param>
public sealed record RejectedVote(string ValidatorId, string Reason, VoteRejection Kind);
