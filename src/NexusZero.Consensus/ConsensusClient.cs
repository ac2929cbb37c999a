using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Transport;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>
/// Runs rounds over channels the host supplies (<see cref="IValidatorChannel"/>), whatever the transport. The
/// coordinator logic is the one <see cref="InProcessConsensusClient"/> and <c>HttpConsensusClient</c> use.
/// </summary>
public sealed class ConsensusClient : IConsensusClient
{
    private readonly ConsensusCoordinator _coordinator;

    /// <summary>Creates the client.</summary>
    /// <param name="set">The validator set.</param>
    /// <param name="channels">One channel per validator to ask (all members or some of them).</param>
    /// <param name="options">Timing settings; defaults when null.</param>
    /// <exception cref="ArgumentException">A channel names a non-member or a member twice, or the options are out of range.</exception>
    public ConsensusClient(ValidatorSet set, IEnumerable<IValidatorChannel> channels, ConsensusOptions? options = null)
    {
        _coordinator = new ConsensusCoordinator(set, channels, options);
    }

    /// <inheritdoc />
    public ValidatorSet ValidatorSet => _coordinator.ValidatorSet;

    /// <inheritdoc />
    public Task<ConsensusResult> ProposeAsync(ProposalContent content, CancellationToken cancellationToken = default) =>
        _coordinator.RunAsync(content, cancellationToken);
}
