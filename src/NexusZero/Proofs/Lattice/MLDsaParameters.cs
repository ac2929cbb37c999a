namespace NexusZero.Proofs.Lattice;

/// <summary>The numbers of one FIPS 204 parameter set (Table 1) and the sizes they imply (Table 2).</summary>
internal sealed record MLDsaParameters(
    string Name,
    int K,
    int L,
    int Eta,
    int Tau,
    int Lambda,
    int Gamma1Bits,
    int Gamma2,
    int Omega)
{
    /// <summary>ML-DSA-44 (security category 2).</summary>
    public static MLDsaParameters MLDsa44 { get; } = new("ML-DSA-44", 4, 4, 2, 39, 128, 17, (Lattices.Zq.Q - 1) / 88, 80);

    /// <summary>ML-DSA-65 (security category 3).</summary>
    public static MLDsaParameters MLDsa65 { get; } = new("ML-DSA-65", 6, 5, 4, 49, 192, 19, (Lattices.Zq.Q - 1) / 32, 55);

    /// <summary>ML-DSA-87 (security category 5).</summary>
    public static MLDsaParameters MLDsa87 { get; } = new("ML-DSA-87", 8, 7, 2, 60, 256, 19, (Lattices.Zq.Q - 1) / 32, 75);

    /// <summary>β = τ·η.</summary>
    public int Beta => Tau * Eta;

    /// <summary>γ1 = 2^Gamma1Bits.</summary>
    public int Gamma1 => 1 << Gamma1Bits;

    /// <summary>Bits per secret coefficient: bitlen(2η).</summary>
    public int EtaBits => Eta == 2 ? 3 : 4;

    /// <summary>Bits per z coefficient: 1 + bitlen(γ1 − 1).</summary>
    public int ZBits => Gamma1Bits + 1;

    /// <summary>Bits per w1 coefficient: bitlen((q − 1)/(2γ2) − 1).</summary>
    public int W1Bits => Gamma2 == (Lattices.Zq.Q - 1) / 88 ? 6 : 4;

    /// <summary>Length of c̃ in bytes: λ/4.</summary>
    public int CommitmentHashSize => Lambda / 4;

    /// <summary>Encoded public key size.</summary>
    public int PublicKeySize => 32 + (320 * K);

    /// <summary>Encoded secret key size.</summary>
    public int SecretKeySize => 128 + (32 * (((K + L) * EtaBits) + (13 * K)));

    /// <summary>Encoded signature size.</summary>
    public int SignatureSize => CommitmentHashSize + (L * 32 * ZBits) + Omega + K;
}
