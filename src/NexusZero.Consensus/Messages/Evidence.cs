using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// Proof that a validator equivocated: two validly signed votes from it for the same proposal and round whose
/// signed payloads differ. Anyone with the validator set can check it offline with <see cref="Verify"/>.
/// </summary>
public sealed class Evidence
{
    /// <summary>Pairs two votes as evidence (not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="first">The first vote seen.</param>
    /// <param name="second">The conflicting vote.</param>
    public Evidence(SignedVote first, SignedVote second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        First = first;
        Second = second;
    }

    /// <summary>The first vote seen.</summary>
    public SignedVote First { get; }

    /// <summary>The conflicting vote.</summary>
    public SignedVote Second { get; }

    /// <summary>The validator that equivocated.</summary>
    public string ValidatorId => First.Vote.ValidatorId;

    /// <summary>Checks the evidence: same validator, proposal and round, different payloads, both signatures valid.</summary>
    /// <param name="set">The validator set both votes are bound to.</param>
    /// <returns>True when the evidence holds.</returns>
    public bool Verify(ValidatorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var a = First.Vote;
        var b = Second.Vote;
        return string.Equals(a.ValidatorId, b.ValidatorId, StringComparison.Ordinal)
            && a.Round == b.Round
            && a.ProposalDigest.SequenceEqual(b.ProposalDigest)
            && !a.GetSigningPayload(set.SetId).AsSpan().SequenceEqual(b.GetSigningPayload(set.SetId))
            && First.Verify(set)
            && Second.Verify(set);
    }
}
