namespace NexusZero.Diagnostics;

/// <summary>The stages a proof passes through in the pipeline, in order.</summary>
public enum ProofStage
{
    /// <summary>Statement, witness and context checks before any proving.</summary>
    Validate = 1,
    /// <summary>Parameter selection by the optimizer (or its heuristic fallback).</summary>
    Parameters = 2,
    /// <summary>The proof system's prover.</summary>
    Prove = 3,
    /// <summary>Building the envelope's canonical bytes.</summary>
    Envelope = 4,
    /// <summary>Compressing the proof payload.</summary>
    Compress = 5,
    /// <summary>Verifying the freshly generated envelope.</summary>
    VerifyAfter = 6,
}
