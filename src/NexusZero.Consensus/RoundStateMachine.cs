namespace NexusZero.Consensus;

/// <summary>Tracks one round's state and refuses transitions the design does not allow.</summary>
internal sealed class RoundStateMachine
{
    private readonly List<RoundState> _history = [RoundState.Idle];

    public RoundState State => _history[^1];

    public IReadOnlyList<RoundState> History => _history;

    public void MoveTo(RoundState next)
    {
        var allowed = (State, next) switch
        {
            (RoundState.Idle, RoundState.Proposing) => true,
            (RoundState.Proposing, RoundState.Voting) => true,
            (RoundState.Voting, RoundState.Committing) => true,
            (RoundState.Committing, RoundState.Finalized) => true,
            (RoundState.Proposing or RoundState.Voting or RoundState.Committing, RoundState.Failed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new InvalidOperationException($"A round cannot move from {State} to {next}.");
        }

        _history.Add(next);
    }
}
