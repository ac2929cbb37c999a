using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Messages;

/// <summary>A <see cref="Vote"/> with its validator's signature over <see cref="Vote.GetSigningPayload"/>.</summary>
public sealed class SignedVote
{
    private readonly byte[] _signature;

    /// <summary>Pairs a vote with a signature (not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="vote">The vote.</param>
    /// <param name="signature">The signature bytes.</param>
    public SignedVote(Vote vote, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(vote);
        Vote = vote;
        _signature = signature.ToArray();
    }

    /// <summary>The vote.</summary>
    public Vote Vote { get; }

    /// <summary>The signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Signs a vote for a validator set.</summary>
    /// <param name="vote">The vote.</param>
    /// <param name="key">The validator's key.</param>
    /// <param name="set">The validator set the vote is bound to.</param>
    /// <returns>The signed vote.</returns>
    /// <exception cref="ArgumentException">The key's scheme differs from the set's.</exception>
    public static SignedVote Create(Vote vote, ISigningKey key, ValidatorSet set)
    {
        ArgumentNullException.ThrowIfNull(vote);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(set);
        if (key.Scheme != set.Scheme.Id)
        {
            throw new ArgumentException($"The key is {key.Scheme}; the set uses {set.Scheme.Id}.", nameof(key));
        }

        return new SignedVote(vote, key.Sign(vote.GetSigningPayload(set.SetId)));
    }

    /// <summary>Checks that the voter belongs to the set and the signature is valid for the set.</summary>
    /// <param name="set">The validator set.</param>
    /// <returns>True when valid.</returns>
    public bool Verify(ValidatorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.TryGetIndex(Vote.ValidatorId, out var index)
            && set.VerifierAt(index).Verify(Vote.GetSigningPayload(set.SetId), _signature);
    }
}
