namespace NexusZero.Proofs.Circuits;

/// <summary>The hash functions whose preimages NexusZero proves knowledge of in a circuit.</summary>
public enum HashFunction
{
    /// <summary>SHA-256 (FIPS 180-4).</summary>
    Sha256 = 1,

    /// <summary>SHA3-256 (FIPS 202): Keccak-f[1600], a post-quantum circuit's natural companion (no SHA-2 in its Merkle trees either).</summary>
    Sha3_256 = 2,
}
