using System.Diagnostics;
using NexusZero.Compression;
using NexusZero.Compute;
using NexusZero.Diagnostics;
using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>
/// The verification path: parse (strict, bounded) → dispatch by proof-system id → parameter set (closed
/// list, pinned set, security floor) → decompress (bounded, canonical) → decode statement → verify → time limit. Every defect of the bytes becomes an
/// invalid <see cref="VerificationResult"/>; nothing here throws for bad input.
/// </summary>
internal sealed class EnvelopeVerifier(ProtocolConfig config, ProofSystemRegistry registry, CompressionManager compression, TimeProvider time)
{
    /// <summary>
    /// Verifies <paramref name="bytes"/>, against <paramref name="expected"/> and <paramref name="expectedParameters"/>
    /// when given; records telemetry.
    /// </summary>
    public VerificationResult Verify(ReadOnlySpan<byte> bytes, Statement? expected, ParameterSet? expectedParameters = null)
    {
        using var activity = NexusZeroTelemetry.ActivitySource.StartActivity("nexuszero.verify");
        var started = time.GetTimestamp();
        var (result, systemName) = VerifyUntimed(bytes, expected, expectedParameters);
        var elapsed = time.GetElapsedTime(started);
        var exceeded = elapsed > config.MaxVerifyTime;
        if (exceeded && config.FailOnSlowVerification && result.IsValid)
        {
            result = VerificationResult.Invalid(VerificationFailure.TimeLimitExceeded, $"Verification took {elapsed.TotalMilliseconds:F1} ms, over MaxVerifyTime ({config.MaxVerifyTime.TotalMilliseconds:F1} ms).");
        }

        var systemTag = NexusZeroTelemetry.SystemTag(systemName);
        activity?.SetTag(systemTag.Key, systemTag.Value);
        NexusZeroTelemetry.Verifications.Add(1, systemTag);
        NexusZeroTelemetry.VerifyDuration.Record(elapsed.TotalMilliseconds, systemTag);
        if (!result.IsValid)
        {
            NexusZeroTelemetry.Rejections.Add(1, systemTag, new(NexusZeroTelemetry.ReasonTag, result.Failure.ToString()));
            activity?.SetStatus(ActivityStatusCode.Error, result.Failure.ToString());
        }

        return result with { Elapsed = elapsed, ExceededTimeLimit = exceeded };
    }

    private (VerificationResult Result, string SystemName) VerifyUntimed(ReadOnlySpan<byte> bytes, Statement? expected, ParameterSet? expectedParameters)
    {
        var limits = config.EnvelopeLimits;
        if (!ProofEnvelope.TryParse(bytes, limits, out var envelope, out var parseError))
        {
            return (Malformed($"envelope: {parseError}"), "unknown");
        }

        var systemName = envelope.ProofSystem.ToString();
        if (!registry.TryGet(envelope.ProofSystem, out var system))
        {
            return (VerificationResult.Invalid(VerificationFailure.UnknownProofSystem, $"No proof system with id 0x{(ushort)envelope.ProofSystem:x4} is registered."), systemName);
        }

        if (!system.TryGetParameterSet(envelope.ParameterSetId, out var parameters))
        {
            return (VerificationResult.Invalid(VerificationFailure.UnknownProofSystem, system.DescribeRefusedParameterSet(envelope.ParameterSetId)), systemName);
        }

        if (expectedParameters is not null && !expectedParameters.Equals(parameters))
        {
            return (VerificationResult.Invalid(VerificationFailure.ParameterSetMismatch, $"The envelope uses parameter set {parameters.Name} (id {parameters.Id}), not the pinned {expectedParameters.Name} (id {expectedParameters.Id})."), systemName);
        }

        // The floor counts the proof's own soundness error, not only the problem's hardness (ParameterSet.SecurityBits).
        if (parameters.SecurityBits < config.SecurityLevel)
        {
            return (VerificationResult.Invalid(VerificationFailure.InsufficientSecurity, $"Parameter set {parameters.Name} (id {parameters.Id}) of {system.Name} offers {parameters.DescribeSecurity()}; this verifier requires at least {config.SecurityLevel} bits (ProtocolConfig.SecurityLevel)."), systemName);
        }

        if (!system.TryDecodeStatement(envelope.Statement.Span, parameters, out var statement, out var statementError))
        {
            return (VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"statement: {statementError}"), systemName);
        }

        if (expected is not null && !expected.Equals(statement))
        {
            return (VerificationResult.Invalid(VerificationFailure.StatementMismatch, "The envelope proves a different statement than the one expected."), systemName);
        }

        if (!system.SupportedStatements.Contains(statement.Kind))
        {
            return (VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"{system.Name} does not prove {statement.Kind} statements."), systemName);
        }

        // Everything below is bounded by the proof's own size: the system states the exact length before any
        // byte is expanded, and proofs that never compress must be stored raw (one encoding per proof).
        // The caller's statement (equal to the decoded one) may carry what fixes the length, such as a pinned circuit.
        int? expectedLength = system.ExpectedProofLength(expected ?? statement, parameters);
        if (expectedLength is { } length && envelope.UncompressedPayloadLength != length)
        {
            return (Malformed($"payload: the envelope declares {envelope.UncompressedPayloadLength} bytes, but a {system.Name} proof of this statement under {parameters.Name} is {length} bytes."), systemName);
        }

        if (!system.ProofsCompress && envelope.Codec != CompressionCodecId.None)
        {
            return (Malformed($"payload: {system.Name} proofs do not compress and are stored raw (codec none); codec {envelope.Codec} is a second encoding of the same proof."), systemName);
        }

        byte[] payload;
        try
        {
            payload = compression.Decompress(envelope.Codec, envelope.Payload.Span, Math.Min(envelope.UncompressedPayloadLength, limits.MaxDecompressedPayloadLength));
        }
        catch (FormatException ex)
        {
            return (Malformed($"payload: {ex.Message}"), systemName);
        }

        if (payload.Length != envelope.UncompressedPayloadLength)
        {
            return (Malformed($"payload: decompressed to {payload.Length} bytes, but the envelope declares {envelope.UncompressedPayloadLength}."), systemName);
        }

        try
        {
            // Verifier-side MSMs and NTTs (public data) may run on the configured accelerator, as the prover's do.
            using var compute = ComputeScope.Begin(config.Compute);

            // The caller's statement equals the decoded one byte for byte, but it may carry what the encoding only
            // names, such as a circuit's pinned verifying key; so verification runs against the caller's object.
            return (system.Verify(expected ?? statement, payload, parameters, envelope.Context.Span), systemName);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Verify must not throw for bad proofs; if a proof system does anyway, fail closed rather than crash the caller.
            return (Malformed($"{system.Name} rejected the payload ({ex.GetType().Name})."), systemName);
        }
    }

    private static VerificationResult Malformed(string reason) =>
        VerificationResult.Invalid(VerificationFailure.MalformedProof, reason);
}
