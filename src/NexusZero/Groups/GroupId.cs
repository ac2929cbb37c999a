namespace NexusZero.Groups;

/// <summary>Stable identifiers of the prime-order groups; the value is written into proofs.</summary>
public enum GroupId : byte
{
    /// <summary>ristretto255 (RFC 9496) over Curve25519.</summary>
    Ristretto255 = 1,
    /// <summary>secp256k1 (SEC 2) with SEC1 compressed points.</summary>
    Secp256k1 = 2,
}
