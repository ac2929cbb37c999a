using NexusZero.Consensus.Locks;

namespace NexusZero.Consensus;

/// <summary>
/// A validator was asked to countersign a certificate for a (validator set, proposal, round) for which it already
/// countersigned a different one. This is evidence that whoever sent the second request is trying to make two
/// certificates for one round; the validator refuses and names the certificate it signed.
/// </summary>
public sealed class CommitConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="validatorId">The validator that refused.</param>
    /// <param name="key">The set, proposal and round.</param>
    /// <param name="signedDigest">The commit digest it already countersigned.</param>
    /// <param name="requestedDigest">The commit digest it was asked to countersign.</param>
    public CommitConflictException(string validatorId, CommitLockKey key, byte[] signedDigest, byte[] requestedDigest)
        : base($"commit conflict: {validatorId} already countersigned certificate {Convert.ToHexStringLower(signedDigest)} for proposal {key.ProposalDigestHex} round {key.Round}; refusing certificate {Convert.ToHexStringLower(requestedDigest)}.")
    {
        ArgumentNullException.ThrowIfNull(signedDigest);
        ArgumentNullException.ThrowIfNull(requestedDigest);
        ValidatorId = validatorId;
        Key = key;
        SignedDigestHex = Convert.ToHexStringLower(signedDigest);
        RequestedDigestHex = Convert.ToHexStringLower(requestedDigest);
    }

    /// <summary>The validator that refused.</summary>
    public string ValidatorId { get; }

    /// <summary>The validator set, proposal and round.</summary>
    public CommitLockKey Key { get; }

    /// <summary>The commit digest (docs/formats.md) of the certificate already countersigned, 64 hex digits.</summary>
    public string SignedDigestHex { get; }

    /// <summary>The commit digest of the refused certificate, 64 hex digits.</summary>
    public string RequestedDigestHex { get; }
}
