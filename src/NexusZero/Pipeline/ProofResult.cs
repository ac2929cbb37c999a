using NexusZero.Diagnostics;
using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>A generated proof: its envelope and what the pipeline measured while producing it.</summary>
/// <param name="Envelope">The proof envelope (self-contained: statement, context and proof).</param>
/// <param name="Metrics">Stage timings, sizes, parameter choice and anything that deviated from the plan.</param>
public sealed record ProofResult(ProofEnvelope Envelope, ProofMetrics Metrics)
{
    /// <summary>The envelope's canonical bytes, ready to store or send.</summary>
    public byte[] ToBytes() => Envelope.ToBytes();
}
