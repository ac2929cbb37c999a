namespace NexusZero.Pipeline;

/// <summary>What the pipeline does when a proof it just generated fails its own verification.</summary>
public enum VerifyAfterFailurePolicy
{
    /// <summary>Throw a <see cref="NexusZeroException"/> of kind <see cref="NexusZeroErrorKind.SelfVerificationFailed"/>; no proof is returned.</summary>
    Throw = 0,
    /// <summary>Return the proof and put the failed result in <see cref="Diagnostics.ProofMetrics.VerifyAfterResult"/>.</summary>
    Report = 1,
}
