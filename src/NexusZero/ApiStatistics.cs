namespace NexusZero;

/// <summary>
/// A snapshot of a <see cref="NexuszeroApi"/> instance's counters. Each counter is read atomically; under
/// concurrent use the four are not read at one single instant.
/// </summary>
/// <param name="ProofsGenerated">Proofs generated successfully.</param>
/// <param name="GenerationFailures">Proof generations that ended in an exception.</param>
/// <param name="ProofsVerified">Verifications that accepted the proof.</param>
/// <param name="ProofsRejected">Verifications that rejected the proof (including malformed bytes).</param>
public sealed record ApiStatistics(long ProofsGenerated, long GenerationFailures, long ProofsVerified, long ProofsRejected);
