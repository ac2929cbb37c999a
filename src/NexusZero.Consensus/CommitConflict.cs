namespace NexusZero.Consensus;

/// <summary>
/// A validator refused to countersign this round's certificate because it already countersigned a different one
/// for the same validator set, proposal and round: someone (another coordinator, or a forger re-aggregating a
/// subset of the votes) has been collecting signatures for a second certificate. The validator's claim is not
/// signed, so it is a report to investigate, not proof; a certificate with that digest, if it surfaces, is.
/// </summary>
/// <param name="ValidatorId">The validator that refused.</param>
/// <param name="SignedCertificateDigestHex">The commit digest (docs/formats.md) of the certificate it had signed.</param>
/// <param name="RequestedCertificateDigestHex">The commit digest of this round's certificate.</param>
public sealed record CommitConflict(string ValidatorId, string SignedCertificateDigestHex, string RequestedCertificateDigestHex);
