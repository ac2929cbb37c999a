using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// A validator's countersignature on a certificate it checked: a signature over the commit payload
/// (commit label, set id, SHA-256 of the certificate without commit signatures; docs/formats.md).
/// </summary>
public sealed class CommitSignature
{
    private readonly byte[] _signature;

    /// <summary>Creates a commit signature (not checked here).</summary>
    /// <param name="validatorId">The countersigning validator.</param>
    /// <param name="signature">The signature bytes.</param>
    /// <exception cref="ArgumentException">The validator id is invalid.</exception>
    public CommitSignature(string validatorId, ReadOnlySpan<byte> signature)
    {
        ValidatorMember.ValidateId(validatorId);
        ValidatorId = validatorId;
        _signature = signature.ToArray();
    }

    /// <summary>The countersigning validator.</summary>
    public string ValidatorId { get; }

    /// <summary>The signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;
}
