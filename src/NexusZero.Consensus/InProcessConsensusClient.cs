using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Transport;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>Runs rounds with validators that live as objects in this process (the embedded default).</summary>
public sealed class InProcessConsensusClient : IConsensusClient
{
    private readonly ConsensusCoordinator _coordinator;

    /// <summary>Creates the client.</summary>
    /// <param name="set">The validator set.</param>
    /// <param name="validators">Validators of the set (all or some of its members).</param>
    /// <param name="options">Timing settings; defaults when null.</param>
    /// <exception cref="ArgumentException">A validator is not in the set, appears twice, or belongs to another set.</exception>
    public InProcessConsensusClient(ValidatorSet set, IEnumerable<Validator> validators, ConsensusOptions? options = null)
        : this(set, Channels(set, validators), options)
    {
    }

    internal InProcessConsensusClient(ValidatorSet set, IEnumerable<IValidatorChannel> channels, ConsensusOptions? options, TimeProvider? time = null)
    {
        _coordinator = new ConsensusCoordinator(set, channels, options, time);
    }

    /// <inheritdoc />
    public ValidatorSet ValidatorSet => _coordinator.ValidatorSet;

    /// <inheritdoc />
    public Task<ConsensusResult> ProposeAsync(ProposalContent content, CancellationToken cancellationToken = default) =>
        _coordinator.RunAsync(content, cancellationToken);

    private static IEnumerable<IValidatorChannel> Channels(ValidatorSet set, IEnumerable<Validator> validators)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(validators);
        return validators.Select(v => v.ValidatorSet.HasSetId(set.SetId)
            ? (IValidatorChannel)new InProcessValidatorChannel(v)
            : throw new ArgumentException($"Validator '{v.Id}' belongs to another validator set.", nameof(validators))).ToArray();
    }
}
