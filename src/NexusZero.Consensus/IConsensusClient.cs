using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus;

/// <summary>
/// The consensus seam: submit content, get a final quorum certificate or a failure reason. Implemented
/// in-process (<see cref="InProcessConsensusClient"/>) and over HTTP (<see cref="Http.HttpConsensusClient"/>);
/// an adapter to an existing BFT engine would implement it too.
/// </summary>
public interface IConsensusClient
{
    /// <summary>The validator set rounds are run with.</summary>
    ValidatorSet ValidatorSet { get; }

    /// <summary>Runs one round on the content.</summary>
    /// <param name="content">What the validators judge.</param>
    /// <param name="cancellationToken">Abandons the round.</param>
    /// <returns>The outcome; a failed round never carries a certificate.</returns>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    Task<ConsensusResult> ProposeAsync(ProposalContent content, CancellationToken cancellationToken = default);
}
