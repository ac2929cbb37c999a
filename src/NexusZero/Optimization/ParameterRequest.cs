using NexusZero.Proofs;

namespace NexusZero.Optimization;

/// <summary>What a parameter optimizer is asked to choose parameters for.</summary>
/// <param name="ProofSystem">The proof system that will prove.</param>
/// <param name="Statement">The statement to prove.</param>
/// <param name="SecurityLevel">The requested security level in bits (128, 192 or 256).</param>
public sealed record ParameterRequest(IProofSystem ProofSystem, Statement Statement, int SecurityLevel);
