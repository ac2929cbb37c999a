using NexusZero.Compression;
using NexusZero.Groups;
using NexusZero.Optimization;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero;

/// <summary>
/// The front door of NexusZero: prove statements, verify proof envelopes, and count what happened.
/// </summary>
/// <remarks>
/// <para>
/// <b>Thread safety.</b> One instance is safe to share across threads and is meant to be: its
/// configuration and pipeline are immutable, the proof systems, codecs and optimizer it uses are stateless,
/// and <see cref="Statistics"/> is kept with <see cref="Interlocked"/> counters. Callers must not share a
/// <see cref="GroupScalar"/> secret across threads while another thread disposes it.
/// </para>
/// <para>
/// <b>Errors.</b> Proving throws <see cref="NexusZeroException"/> with a <see cref="NexusZeroErrorKind"/> for
/// operational failures and <see cref="ArgumentException"/> for misuse; messages never contain secrets.
/// Verifying never throws for bad bytes: malformed input gives an invalid <see cref="VerificationResult"/>
/// with <see cref="VerificationFailure.MalformedProof"/>.
/// </para>
/// </remarks>
public sealed class NexuszeroApi
{
    private readonly ProofPipeline _pipeline;
    private readonly ProofSystemRegistry _registry;
    private long _generated;
    private long _failures;
    private long _verified;
    private long _rejected;

    /// <summary>Creates the facade.</summary>
    /// <param name="config">The configuration; <see cref="ProtocolConfig.Default"/> when null.</param>
    /// <param name="optimizer">The parameter optimizer; the heuristic when null.</param>
    /// <param name="registry">The proof systems to prove with and verify against; <see cref="ProofSystemRegistry.Default"/> when null.</param>
    /// <param name="compression">The compression manager; the one the configuration's strategy names when null.</param>
    /// <param name="timeProvider">The clock for timings and the verification time limit; the system clock when null.</param>
    /// <exception cref="NexusZeroException">The configuration is invalid (<see cref="NexusZeroErrorKind.ConfigurationError"/>).</exception>
    public NexuszeroApi(
        ProtocolConfig? config = null,
        IParameterOptimizer? optimizer = null,
        ProofSystemRegistry? registry = null,
        CompressionManager? compression = null,
        TimeProvider? timeProvider = null)
    {
        _registry = registry ?? ProofSystemRegistry.Default;
        _pipeline = new ProofPipeline(config ?? ProtocolConfig.Default(), optimizer, _registry, compression, timeProvider);
    }

    /// <summary>The configuration in force.</summary>
    public ProtocolConfig Config => _pipeline.Config;

    /// <summary>A snapshot of this instance's counters.</summary>
    public ApiStatistics Statistics => new(
        Interlocked.Read(ref _generated),
        Interlocked.Read(ref _failures),
        Interlocked.Read(ref _verified),
        Interlocked.Read(ref _rejected));

    /// <summary>
    /// Proves knowledge of <paramref name="secret"/> with <paramref name="publicValue"/> = secret·<paramref name="generator"/>
    /// (Schnorr, non-interactive), bound to <paramref name="context"/>.
    /// </summary>
    /// <param name="generator">G: a non-identity element; its group is the group of the proof.</param>
    /// <param name="publicValue">X: a non-identity element of the same group.</param>
    /// <param name="secret">x; not retained (the proof uses a copy that is zeroed afterwards).</param>
    /// <param name="context">Bytes the proof is bound to (e.g. a session id); verification uses the ones in the envelope.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An element is the identity, or the values are from different groups.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when secret·G ≠ X; otherwise as <see cref="Prove"/>.</exception>
    public ProofResult ProveDiscreteLog(GroupElement generator, GroupElement publicValue, GroupScalar secret, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(publicValue);
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Group.Id != generator.Group.Id)
        {
            throw new ArgumentException($"The secret is a {secret.Group.Name} scalar but the generator is a {generator.Group.Name} element.", nameof(secret));
        }

        var statement = new DiscreteLogStatement(generator.Group, generator, publicValue);
        using var witness = new DiscreteLogWitness(secret);
        return Prove(new ProofRequest(SchnorrSystem(), statement, witness, context.ToArray()));
    }

    /// <summary>As <see cref="ProveDiscreteLog(GroupElement, GroupElement, GroupScalar, ReadOnlySpan{byte})"/> with the group's standard generator.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="publicValue"/> is the identity, or the values are from different groups.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when secret·B ≠ X; otherwise as <see cref="Prove"/>.</exception>
    public ProofResult ProveDiscreteLog(GroupElement publicValue, GroupScalar secret, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(publicValue);
        return ProveDiscreteLog(publicValue.Group.Generator, publicValue, secret, context);
    }

    /// <summary>Proves any statement with any proof system through the pipeline; the caller keeps and disposes the witness.</summary>
    /// <exception cref="ArgumentException">The request's parts do not fit together.</exception>
    /// <exception cref="ObjectDisposedException">The witness has been disposed.</exception>
    /// <exception cref="NexusZeroException">See <see cref="ProofPipeline.Prove"/>.</exception>
    public ProofResult Prove(ProofRequest request)
    {
        try
        {
            var result = _pipeline.Prove(request);
            Interlocked.Increment(ref _generated);
            return result;
        }
        catch (Exception ex) when (ex is NexusZeroException or ArgumentException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _failures);
            throw;
        }
    }

    /// <summary>
    /// Verifies a serialized proof envelope (self-contained: it carries its statement and context). Never throws
    /// for bad bytes. Parameter sets below <see cref="ProtocolConfig.SecurityLevel"/> (counting the proof's own
    /// soundness error) are refused with <see cref="VerificationFailure.InsufficientSecurity"/>.
    /// </summary>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope) => Count(_pipeline.Verify(envelope));

    /// <summary>Verifies a serialized proof envelope and checks it proves <paramref name="expected"/> (<see cref="VerificationFailure.StatementMismatch"/> otherwise).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is null.</exception>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope, Statement expected) => Count(_pipeline.Verify(envelope, expected));

    /// <summary>
    /// Verifies a serialized proof envelope, checks it proves <paramref name="expected"/> and uses exactly
    /// <paramref name="expectedParameters"/> (<see cref="VerificationFailure.ParameterSetMismatch"/> otherwise).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> or <paramref name="expectedParameters"/> is null.</exception>
    public VerificationResult Verify(ReadOnlySpan<byte> envelope, Statement expected, ParameterSet expectedParameters) =>
        Count(_pipeline.Verify(envelope, expected, expectedParameters));

    /// <summary>Verifies several envelopes, in parallel; the results are in input order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="envelopes"/> or one of its items is null.</exception>
    public IReadOnlyList<VerificationResult> VerifyBatch(IEnumerable<byte[]> envelopes)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var inputs = envelopes.ToArray();
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(envelopes));
        }

        var results = new VerificationResult[inputs.Length];
        Parallel.For(0, inputs.Length, i => results[i] = Verify(inputs[i]));
        return results;
    }

    private VerificationResult Count(VerificationResult result)
    {
        Interlocked.Increment(ref result.IsValid ? ref _verified : ref _rejected);
        return result;
    }

    private IProofSystem SchnorrSystem() =>
        _registry.TryGet(ProofSystemId.SchnorrDiscreteLog, out var system)
            ? system
            : throw new NexusZeroException(NexusZeroErrorKind.ConfigurationError, "The proof-system registry has no Schnorr system to prove discrete logarithms with.");
}
