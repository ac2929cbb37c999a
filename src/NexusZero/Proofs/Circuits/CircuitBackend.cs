namespace NexusZero.Proofs.Circuits;

/// <summary>Which proof system proves a circuit.</summary>
public enum CircuitBackend
{
    /// <summary>Ligero (<see cref="LigeroProofSystem"/>): transparent and post-quantum; proofs of hundreds of kilobytes.</summary>
    PostQuantum = 0,

    /// <summary>Groth16 over BN254 (<see cref="Groth16ProofSystem"/>): 256-byte proofs, a trusted setup, about 100 classical bits, broken by a quantum computer.</summary>
    Groth16 = 1,
}
