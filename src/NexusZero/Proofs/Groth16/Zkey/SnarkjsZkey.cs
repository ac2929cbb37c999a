using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// A Groth16 proving key in snarkjs's .zkey layout (docs/formats.md, "snarkjs .zkey"): the verifying key, the
/// A and B coefficients of the QAP, and the query points snarkjs's prover uses, including its H points, which are
/// the odd-index Lagrange basis of the 2n domain at τ over δ rather than [τʲ·Z(τ)/δ]₁. Read one with
/// <see cref="SnarkjsZkeyReader"/>, prove with <see cref="SnarkjsZkeyProver"/>.
/// </summary>
public sealed class SnarkjsZkey
{
    internal SnarkjsZkey(
        Groth16VerifyingKey verifyingKey,
        int variableCount,
        int domainLogSize,
        G1Point beta1,
        G1Point delta1,
        ZkeyCoefficient[] coefficients,
        G1Point[] a1,
        G1Point[] b1,
        G2Point[] b2,
        G1Point[] c1,
        G1Point[] h1,
        byte[] circuitHash,
        int contributionCount)
    {
        VerifyingKey = verifyingKey;
        VariableCount = variableCount;
        DomainLogSize = domainLogSize;
        Beta1 = beta1;
        Delta1 = delta1;
        Coefficients = coefficients;
        A1 = a1;
        B1 = b1;
        B2 = b2;
        C1 = c1;
        H1 = h1;
        CircuitHash = circuitHash;
        ContributionCount = contributionCount;
    }

    /// <summary>The verifying key (what `snarkjs zkey export verificationkey` writes).</summary>
    public Groth16VerifyingKey VerifyingKey { get; }

    /// <summary>Variables of the circuit, the constant 1 included (the witness length).</summary>
    public int VariableCount { get; }

    /// <summary>Public inputs and outputs, the constant excluded.</summary>
    public int PublicCount => VerifyingKey.PublicInputCount;

    /// <summary>log2 of the evaluation domain's size.</summary>
    public int DomainLogSize { get; }

    /// <summary>Number of A and B coefficients in section 4.</summary>
    public int CoefficientCount => Coefficients.Length;

    /// <summary>The 64-byte BLAKE2b circuit hash snarkjs records (section 10), which every contribution builds on.</summary>
    public ReadOnlyMemory<byte> CircuitHash { get; }

    /// <summary>Phase-2 contributions recorded in the file.</summary>
    public int ContributionCount { get; }

    internal G1Point Beta1 { get; }

    internal G1Point Delta1 { get; }

    internal ZkeyCoefficient[] Coefficients { get; }

    internal G1Point[] A1 { get; }

    internal G1Point[] B1 { get; }

    internal G2Point[] B2 { get; }

    internal G1Point[] C1 { get; }

    internal G1Point[] H1 { get; }
}
