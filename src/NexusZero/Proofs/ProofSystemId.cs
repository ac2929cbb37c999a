namespace NexusZero.Proofs;

/// <summary>
/// Stable identifiers of proof systems; the value is written into every proof envelope and bound into
/// every Fiat–Shamir transcript. Values are never reused. Ranges: 0x01xx sigma protocols,
/// 0x02xx range proofs, 0x03xx lattice proofs, 0x04xx circuit proofs.
/// </summary>
public enum ProofSystemId : ushort
{
    /// <summary>Schnorr proof of knowledge of a discrete logarithm.</summary>
    SchnorrDiscreteLog = 0x0101,
    /// <summary>Chaum–Pedersen proof of equality of two discrete logarithms.</summary>
    DiscreteLogEquality = 0x0102,
    /// <summary>Proof of knowledge of a Pedersen commitment's opening.</summary>
    PedersenOpening = 0x0103,
    /// <summary>Proof of a linear relation between committed values.</summary>
    LinearRelation = 0x0104,
    /// <summary>AND / OR composition of sigma protocols.</summary>
    SigmaComposition = 0x0105,
    /// <summary>Bulletproofs range proof (Bünz et al. 2018).</summary>
    BulletproofsRange = 0x0201,
    /// <summary>Proof of possession of an ML-DSA secret key.</summary>
    LatticeKeyPossession = 0x0301,
    /// <summary>Proof of knowledge of short (s1, s2) with t = A·s1 + s2 (Module-LWE).</summary>
    ModuleLweRelation = 0x0302,
    /// <summary>Groth16 (2016) over BN254 for a rank-1 constraint system, the key pinned by its digest.</summary>
    Groth16Bn254 = 0x0401,
    /// <summary>Ligero (Ames et al. 2017) for a rank-1 constraint system over BN254's Fr: transparent, hash-based, post-quantum.</summary>
    LigeroR1cs = 0x0402,
}
