namespace NexusZero.Consensus.Locks;

/// <summary>What a commit lock is keyed by: the validator set, the proposal digest and the round.</summary>
/// <param name="SetIdHex">The validator-set id, 64 lowercase hex digits.</param>
/// <param name="ProposalDigestHex">The proposal digest, 64 lowercase hex digits.</param>
/// <param name="Round">The round.</param>
public readonly record struct CommitLockKey(string SetIdHex, string ProposalDigestHex, ulong Round)
{
    /// <summary>The key as one text token, <c>setId:digest:round</c>, as the file store writes it.</summary>
    public override string ToString() => $"{SetIdHex}:{ProposalDigestHex}:{Round.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
