namespace NexusZero.Consensus;

/// <summary>Timing and retry settings of a consensus client.</summary>
public sealed record ConsensusOptions
{
    /// <summary>How long votes are collected; also the proposal's deadline. Default 5 s.</summary>
    public TimeSpan VotingTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long countersignatures are collected. Default 5 s.</summary>
    public TimeSpan CommitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Once a verdict has a quorum, how much longer to wait for the remaining validators (more votes, more
    /// evidence) before committing. Default 50 ms.
    /// </summary>
    public TimeSpan StragglerGrace { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Commit phase: the certificate first goes to just enough validators for a quorum; after this delay without
    /// a quorum of countersignatures, it goes to all the others too. Default 50 ms.
    /// </summary>
    public TimeSpan CommitHedgeDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>HTTP: the timeout of one request to one validator. Default 2 s.</summary>
    public TimeSpan PerValidatorTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>HTTP: attempts per request, including the first. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>HTTP: the wait before the first retry; doubled for each further retry. Default 25 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The round number of the first proposal; later proposals count up. Start above rounds a previous client
    /// used so validators do not return votes they cached for those rounds. Default 1.
    /// </summary>
    public ulong InitialRound { get; init; } = 1;

    internal void Validate()
    {
        if (VotingTimeout <= TimeSpan.Zero || CommitTimeout <= TimeSpan.Zero || PerValidatorTimeout <= TimeSpan.Zero
            || StragglerGrace < TimeSpan.Zero || InitialBackoff < TimeSpan.Zero || CommitHedgeDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("Consensus timeouts must be positive and the grace, hedge delay and backoff not negative.");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentException($"MaxAttempts must be 1 to 10; got {MaxAttempts}.");
        }

        if (InitialRound == 0)
        {
            throw new ArgumentException("InitialRound must be at least 1.");
        }
    }
}
