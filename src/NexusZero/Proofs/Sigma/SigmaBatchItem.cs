namespace NexusZero.Proofs.Sigma;

/// <summary>One proof in a batch verification: its statement, proof bytes and context.</summary>
/// <param name="Statement">The statement the proof claims.</param>
/// <param name="Proof">The proof bytes.</param>
/// <param name="Context">The caller's context bytes the proof was made with.</param>
public sealed record SigmaBatchItem(Statement Statement, ReadOnlyMemory<byte> Proof, ReadOnlyMemory<byte> Context);
