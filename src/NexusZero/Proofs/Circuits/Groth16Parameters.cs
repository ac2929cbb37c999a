namespace NexusZero.Proofs.Circuits;

/// <summary>
/// Groth16's one parameter set: the BN254 (alt_bn128) pairing groups, as Ethereum's precompiles and snarkjs
/// use them. BN254 was designed for 128 bits; the exTNFS attacks on its pairing's target field (Kim and
/// Barbulescu 2016) bring the estimate to about 100 bits (Barbulescu and Duquesne, J. Cryptology 2019), and
/// that is the figure claimed here. A verifier accepts it only with <c>ProtocolConfig.SecurityLevel = 100</c>.
/// </summary>
public sealed record Groth16Parameters : ParameterSet
{
    private Groth16Parameters()
        : base(1, "BN254", 100)
    {
    }

    /// <summary>The BN254 set (envelope id 1).</summary>
    public static Groth16Parameters Bn254 { get; } = new();

    /// <inheritdoc />
    public override string DescribeSecurity() =>
        "100 bits (BN254's pairing after exTNFS, Barbulescu–Duquesne 2019; soundness also rests on the trusted setup of the pinned key)";

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes() => "groth16/bn254"u8.ToArray();
}
