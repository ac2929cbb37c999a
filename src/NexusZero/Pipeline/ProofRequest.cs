using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>What to prove: a proof system, a statement, the witness for it and the caller's context.</summary>
/// <param name="ProofSystem">The proof system that proves.</param>
/// <param name="Statement">The public statement.</param>
/// <param name="Witness">The secret witness; the caller keeps ownership and disposes it.</param>
/// <param name="Context">Caller-chosen bytes bound into the proof (e.g. a session id); a proof verifies only with the same context.</param>
public sealed record ProofRequest(IProofSystem ProofSystem, Statement Statement, Witness Witness, ReadOnlyMemory<byte> Context = default);
