namespace NexusZero.Consensus.Signing;

/// <summary>The signature scheme a validator set uses; one byte in every certificate.</summary>
public enum SignatureSchemeId : byte
{
    /// <summary>ECDSA over NIST P-256 with SHA-256, signatures as IEEE P1363 r‖s (64 bytes) with low s.</summary>
    EcdsaP256Sha256 = 1,

    /// <summary>ML-DSA-65 (FIPS 204): public key 1952 bytes, signature 3309 bytes, FIPS 204 context "NexusZero/consensus".</summary>
    MlDsa65 = 2,
}
