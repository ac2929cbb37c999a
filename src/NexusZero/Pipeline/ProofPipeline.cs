using System.Diagnostics;
using NexusZero.Compression;
using NexusZero.Compute;
using NexusZero.Diagnostics;
using NexusZero.Optimization;
using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>
/// Drives a proof through validate → parameters → prove → envelope → compress → verify-after → metrics,
/// and an envelope through parse → decompress → canonical check → dispatch → verify. Immutable after
/// construction and safe to share across threads (its collaborators are stateless or thread-safe).
/// </summary>
/// <remarks>The stages are described in docs/architecture.md ("Pipeline and API").</remarks>
public sealed class ProofPipeline
{
    private readonly IParameterOptimizer? _optimizer;
    private readonly CompressionManager _compression;
    private readonly TimeProvider _time;
    private readonly EnvelopeVerifier _verifier;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="config">The configuration; validated here.</param>
    /// <param name="optimizer">The optimizer asked when <see cref="ProtocolConfig.UseOptimizer"/> is on; the heuristic by default.</param>
    /// <param name="registry">The proof systems verification dispatches to; <see cref="ProofSystemRegistry.Default"/> by default.</param>
    /// <param name="compression">The compression manager; by default the one <see cref="ProtocolConfig.CompressionStrategy"/> names.</param>
    /// <param name="timeProvider">The clock for stage timings and the verification time limit; the system clock by default.</param>
    /// <exception cref="NexusZeroException"><paramref name="config"/> is invalid (<see cref="NexusZeroErrorKind.ConfigurationError"/>).</exception>
    public ProofPipeline(
        ProtocolConfig config,
        IParameterOptimizer? optimizer = null,
        ProofSystemRegistry? registry = null,
        CompressionManager? compression = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _optimizer = config.UseOptimizer ? optimizer ?? HeuristicOptimizer.Instance : null;
        _compression = compression ?? CompressionManager.ForStrategy(config.CompressionStrategy);
        _time = timeProvider ?? TimeProvider.System;
        _verifier = new EnvelopeVerifier(config, registry ?? ProofSystemRegistry.Default, _compression, _time);
    }

    /// <summary>The configuration in force.</summary>
    public ProtocolConfig Config { get; }

    /// <summary>Generates a proof and its metrics.</summary>
    /// <exception cref="ArgumentException">The request is incomplete or its parts do not fit together (misuse).</exception>
    /// <exception cref="ObjectDisposedException">The witness has been disposed.</exception>
    /// <exception cref="NexusZeroException">
    /// <see cref="NexusZeroErrorKind.ValidationFailed"/> (bad input, or the witness does not satisfy the statement),
    /// <see cref="NexusZeroErrorKind.OptimizationFailed"/>, <see cref="NexusZeroErrorKind.ProofGenerationFailed"/>,
    /// <see cref="NexusZeroErrorKind.ProofTooLarge"/> (over <see cref="ProtocolConfig.MaxProofSize"/>), or
    /// <see cref="NexusZeroErrorKind.SelfVerificationFailed"/> (verify-after failed under the Throw policy).
    /// </exception>
    public ProofResult Prove(ProofRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.ProofSystem);
        var systemTag = NexusZeroTelemetry.SystemTag(request.ProofSystem.Id);
        using var activity = NexusZeroTelemetry.ActivitySource.StartActivity("nexuszero.generate");
        activity?.SetTag(systemTag.Key, systemTag.Value);
        try
        {
            var result = ProveCore(request);
            NexusZeroTelemetry.Proofs.Add(1, systemTag);
            NexusZeroTelemetry.ProveDuration.Record(result.Metrics.TotalDuration.TotalMilliseconds, systemTag);
            NexusZeroTelemetry.ProofSize.Record(result.Metrics.EnvelopeSize, systemTag);
            return result;
        }
        catch (Exception ex) when (ex is NexusZeroException or ArgumentException or ObjectDisposedException)
        {
            var reason = ex is NexusZeroException nz ? nz.Kind.ToString() : ex.GetType().Name;
            NexusZeroTelemetry.Failures.Add(1, systemTag, new(NexusZeroTelemetry.ReasonTag, reason));
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            throw;
        }
    }

    /// <summary>
    /// Verifies a serialized envelope. Never throws for bad bytes: they give <see cref="VerificationFailure.MalformedProof"/>.
    /// A parameter set below <see cref="ProtocolConfig.SecurityLevel"/> gives <see cref="VerificationFailure.InsufficientSecurity"/>.
    /// </summary>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope) => _verifier.Verify(envelope, null);

    /// <summary>
    /// Verifies a serialized envelope and checks that it proves <paramref name="expectedStatement"/>;
    /// a valid proof of another statement gives <see cref="VerificationFailure.StatementMismatch"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expectedStatement"/> is null.</exception>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope, Statement expectedStatement)
    {
        ArgumentNullException.ThrowIfNull(expectedStatement);
        return _verifier.Verify(envelope, expectedStatement);
    }

    /// <summary>
    /// Verifies a serialized envelope, checks that it proves <paramref name="expectedStatement"/> and that it
    /// uses exactly <paramref name="expectedParameters"/> (<see cref="VerificationFailure.ParameterSetMismatch"/>
    /// otherwise). The security floor (<see cref="ProtocolConfig.SecurityLevel"/>) applies as always.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expectedStatement"/> or <paramref name="expectedParameters"/> is null.</exception>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope, Statement expectedStatement, ParameterSet expectedParameters)
    {
        ArgumentNullException.ThrowIfNull(expectedStatement);
        ArgumentNullException.ThrowIfNull(expectedParameters);
        return _verifier.Verify(envelope, expectedStatement, expectedParameters);
    }

    private ProofResult ProveCore(ProofRequest request)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = _time.GetTimestamp();
        var stages = new Dictionary<ProofStage, TimeSpan>();
        var system = request.ProofSystem;

        var statementBytes = RunStage(stages, ProofStage.Validate, () => ValidateRequest(request));
        var choice = RunStage(stages, ProofStage.Parameters, () =>
            ParameterChoice.Select(new ParameterRequest(system, request.Statement, Config.SecurityLevel), _optimizer));
        var compute = new ComputeRouter(Config.Compute);
        var payload = RunStage(stages, ProofStage.Prove, () => ProveWith(request, choice.Parameters, compute));
        var envelope = RunStage(stages, ProofStage.Envelope, () =>
            new ProofEnvelope(system.Id, choice.Parameters.Id, statementBytes, request.Context.Span, payload));

        CompressionOutcome? compressed = null;
        // Proofs that never shrink are stored raw: one accepted encoding, and no codec time spent (IProofSystem.ProofsCompress).
        if (Config.UseCompression && system.ProofsCompress)
        {
            compressed = RunStage(stages, ProofStage.Compress, () => _compression.Compress(payload));
            if (compressed.Codec != CompressionCodecId.None)
            {
                envelope = envelope.WithPayload(compressed.Codec, compressed.Output, payload.Length);
            }
        }

        if (envelope.Payload.Length > Config.EnvelopeLimits.MaxPayloadLength)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ProofTooLarge, $"The stored proof payload is {envelope.Payload.Length} bytes, over the envelope limit of {Config.EnvelopeLimits.MaxPayloadLength} bytes (MaxPayloadLength).");
        }

        var bytes = envelope.ToBytes();
        if (bytes.Length > Config.MaxProofSize)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ProofTooLarge, $"The proof envelope is {bytes.Length} bytes, over MaxProofSize ({Config.MaxProofSize} bytes).");
        }

        VerificationResult? verifyAfter = null;
        if (Config.VerifyAfterGeneration)
        {
            verifyAfter = RunStage(stages, ProofStage.VerifyAfter, () => _verifier.Verify(bytes, request.Statement));
            if (!verifyAfter.IsValid && Config.VerifyAfterGenerationFailure == VerifyAfterFailurePolicy.Throw)
            {
                throw new NexusZeroException(NexusZeroErrorKind.SelfVerificationFailed, $"The generated {system.Name} proof failed its own verification: {verifyAfter.Failure}.");
            }
        }

        var storedSize = compressed?.OutputSize ?? payload.Length;
        var metrics = new ProofMetrics
        {
            ProofSystem = system.Id,
            StageDurations = stages.AsReadOnly(),
            TotalDuration = _time.GetElapsedTime(started),
            OriginalPayloadSize = payload.Length,
            StoredPayloadSize = storedSize,
            EnvelopeSize = bytes.Length,
            Codec = compressed?.Codec ?? CompressionCodecId.None,
            CompressionRatio = payload.Length == 0 ? 1.0 : (double)storedSize / payload.Length,
            CompressionWarning = compressed?.Warning,
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore,
            ParameterSetId = choice.Parameters.Id,
            ParameterSetName = choice.Parameters.Name,
            SecurityBits = choice.Parameters.SecurityBits,
            OptimizerName = choice.OptimizerName,
            OptimizerFallback = choice.Fallback,
            OptimizerFallbackReason = choice.FallbackReason,
            ComputeBackend = compute.BackendName,
            ComputeFallback = compute.Report.Fallback,
            ComputeFallbackReason = compute.Report.FallbackReason,
            VerifyAfterResult = verifyAfter,
            Figures = system is IProofFigureReporter reporter ? reporter.ReportFigures(request.Statement, choice.Parameters) : [],
        };
        return new ProofResult(envelope, metrics);
    }

    // Returns the statement's canonical encoding, which the envelope stage reuses.
    private byte[] ValidateRequest(ProofRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Statement);
        ArgumentNullException.ThrowIfNull(request.Witness);
        var system = request.ProofSystem;
        if (!system.SupportedStatements.Contains(request.Statement.Kind))
        {
            throw new ArgumentException($"{system.Name} does not prove {request.Statement.Kind} statements.", nameof(request));
        }

        if (request.Witness.Kind != request.Statement.Kind)
        {
            throw new ArgumentException($"A {request.Witness.Kind} witness cannot prove a {request.Statement.Kind} statement.", nameof(request));
        }

        if (request.Witness.IsDisposed)
        {
            throw new ObjectDisposedException(nameof(request.Witness), "The witness has been disposed.");
        }

        var limits = Config.EnvelopeLimits;
        if (request.Context.Length > limits.MaxContextLength)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The context is {request.Context.Length} bytes, over the envelope limit of {limits.MaxContextLength} bytes.");
        }

        var statement = request.Statement.ToCanonicalBytes();
        if (statement.Length > limits.MaxStatementLength)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The statement encoding is {statement.Length} bytes, over the envelope limit of {limits.MaxStatementLength} bytes.");
        }

        return statement;
    }

    private byte[] ProveWith(ProofRequest request, ParameterSet parameters, ComputeRouter compute)
    {
        byte[] payload;
        using var scope = ComputeScope.Enter(compute);
        try
        {
            payload = request.ProofSystem.Prove(request.Statement, request.Witness, parameters, request.Context.Span);
        }
        catch (Exception ex) when (ex is not (NexusZeroException or ArgumentException or ObjectDisposedException or OutOfMemoryException))
        {
            // The inner exception is kept for debugging; its message is not copied since a prover's failure could mention secret state.
            throw new NexusZeroException(NexusZeroErrorKind.ProofGenerationFailed, $"{request.ProofSystem.Name} failed to generate a proof ({ex.GetType().Name}).", ex);
        }

        var limit = Config.EnvelopeLimits.MaxDecompressedPayloadLength;
        if (payload.Length > limit)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ProofTooLarge, $"The proof payload is {payload.Length} bytes, over the envelope limit of {limit} bytes (MaxDecompressedPayloadLength).");
        }

        return payload;
    }

    private T RunStage<T>(Dictionary<ProofStage, TimeSpan> stages, ProofStage stage, Func<T> body)
    {
        using var activity = NexusZeroTelemetry.StartStage(stage);
        var started = _time.GetTimestamp();
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            stages[stage] = _time.GetElapsedTime(started);
        }
    }
}
