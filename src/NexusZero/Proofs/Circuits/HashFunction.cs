namespace NexusZero.Proofs.Circuits;

/// <summary>The hash functions whose preimages NexusZero proves knowledge of in a circuit.</summary>
public enum HashFunction
{
    /// <summary>SHA-256 (FIPS 180-4).</summary>
    Sha256 = 1,
}
