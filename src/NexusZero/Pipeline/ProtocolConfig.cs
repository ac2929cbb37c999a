using NexusZero.Compression;
using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>
/// How the pipeline proves and verifies: optimizer, compression, security level, limits and
/// verification after generation. Immutable; start from a preset and adjust with <c>with</c>:
/// <code>var config = ProtocolConfig.Default() with { MaxProofSize = 4096 };</code>
/// </summary>
/// <remarks>
/// The presets differ as follows.
/// <list type="table">
/// <listheader><term>setting</term><description>Fast / Default / Secure</description></listheader>
/// <item><term><see cref="UseOptimizer"/></term><description>off (the proof system's default rule) / on / on</description></item>
/// <item><term><see cref="UseCompression"/></term><description>off / on, LZ4 / on, LZ4</description></item>
/// <item><term><see cref="SecurityLevel"/></term><description>128 / 128 / 256</description></item>
/// <item><term><see cref="VerifyAfterGeneration"/></term><description>off / on, Report / on, Throw</description></item>
/// <item><term><see cref="MaxProofSize"/></term><description>16 MiB / 4 MiB / 1 MiB</description></item>
/// <item><term><see cref="MaxVerifyTime"/></term><description>10 s, flagged / 5 s, flagged / 2 s, fails</description></item>
/// <item><term><see cref="EnvelopeLimits"/></term><description>default / default / statement 64 KiB, context 4 KiB, payload 1 MiB</description></item>
/// </list>
/// Secure() asks for 256-bit parameters: proof systems over 128-bit groups (ristretto255, secp256k1)
/// cannot meet it and fail with <see cref="NexusZeroErrorKind.OptimizationFailed"/>.
/// </remarks>
public sealed record ProtocolConfig
{
    /// <summary>Ask the configured <see cref="Optimization.IParameterOptimizer"/>; when off, the proof system's own default rule chooses.</summary>
    public bool UseOptimizer { get; init; } = true;

    /// <summary>Run the compression stage; when off the payload is stored raw without trying any codec.</summary>
    public bool UseCompression { get; init; } = true;

    /// <summary>
    /// Which codecs the compression stage tries (ignored when a compression manager is supplied to the
    /// pipeline). Verification reads every built-in codec whatever this says.
    /// </summary>
    public CompressionStrategy CompressionStrategy { get; init; } = CompressionStrategy.Lz4;

    /// <summary>
    /// The requested security level in bits: 128, 192 or 256, or 100, the level that admits Groth16 over BN254
    /// (the pairing curve of Ethereum and snarkjs, about 100 bits since the exTNFS attacks; docs/security.md).
    /// </summary>
    public int SecurityLevel { get; init; } = 128;

    /// <summary>The largest serialized envelope the pipeline produces, in bytes; a larger proof fails with <see cref="NexusZeroErrorKind.ProofTooLarge"/>.</summary>
    public int MaxProofSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Verifications slower than this are flagged (<see cref="Proofs.VerificationResult.ExceededTimeLimit"/>).</summary>
    public TimeSpan MaxVerifyTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When true, a verification slower than <see cref="MaxVerifyTime"/> is reported invalid (<see cref="Proofs.VerificationFailure.TimeLimitExceeded"/>).</summary>
    public bool FailOnSlowVerification { get; init; }

    /// <summary>Verify every generated envelope through the full verification path before returning it.</summary>
    public bool VerifyAfterGeneration { get; init; } = true;

    /// <summary>What a failed verification after generation does.</summary>
    public VerifyAfterFailurePolicy VerifyAfterGenerationFailure { get; init; } = VerifyAfterFailurePolicy.Report;

    /// <summary>The bounds every envelope this pipeline writes or parses must respect.</summary>
    public EnvelopeLimits EnvelopeLimits { get; init; } = EnvelopeLimits.Default;

    /// <summary>Where MSMs and NTTs run while proving (<see cref="Compute.ComputeOptions"/>); the CPU by default.</summary>
    public Compute.ComputeOptions Compute { get; init; } = NexusZero.Compute.ComputeOptions.Cpu;

    /// <summary>
    /// Speed first: the proof system's default parameters at 128 bits, no compression, no verification after
    /// generation, generous limits (16 MiB proofs, slow verifications over 10 s flagged only).
    /// </summary>
    public static ProtocolConfig Fast() => new()
    {
        UseOptimizer = false,
        UseCompression = false,
        SecurityLevel = 128,
        MaxProofSize = 16 * 1024 * 1024,
        MaxVerifyTime = TimeSpan.FromSeconds(10),
        FailOnSlowVerification = false,
        VerifyAfterGeneration = false,
    };

    /// <summary>
    /// Balanced: optimizer on, LZ4 compression (payloads it does not shrink stay raw), 128 bits, every proof verified after generation with a
    /// failure reported in the metrics, 4 MiB proofs, slow verifications over 5 s flagged only.
    /// </summary>
    public static ProtocolConfig Default() => new();

    /// <summary>
    /// Assurance first: optimizer on, LZ4 compression, 256 bits, every proof verified after generation and a
    /// failure thrown, 1 MiB proofs, tighter envelope limits (statement 64 KiB, context 4 KiB, payload 1 MiB),
    /// and a verification over 2 s reported invalid.
    /// </summary>
    public static ProtocolConfig Secure() => new()
    {
        UseOptimizer = true,
        UseCompression = true,
        SecurityLevel = 256,
        MaxProofSize = 1024 * 1024,
        MaxVerifyTime = TimeSpan.FromSeconds(2),
        FailOnSlowVerification = true,
        VerifyAfterGeneration = true,
        VerifyAfterGenerationFailure = VerifyAfterFailurePolicy.Throw,
        EnvelopeLimits = new EnvelopeLimits
        {
            MaxStatementLength = 64 * 1024,
            MaxContextLength = 4 * 1024,
            MaxPayloadLength = 1024 * 1024,
            MaxDecompressedPayloadLength = 1024 * 1024,
        },
    };

    /// <summary>Checks every setting; the pipeline calls this before it uses a configuration.</summary>
    /// <exception cref="NexusZeroException">A setting is out of range (<see cref="NexusZeroErrorKind.ConfigurationError"/>); the message names it.</exception>
    public void Validate()
    {
        if (SecurityLevel is not (100 or 128 or 192 or 256))
        {
            throw Invalid($"SecurityLevel must be 100, 128, 192 or 256 bits, not {SecurityLevel}.");
        }

        if (MaxProofSize <= 0)
        {
            throw Invalid($"MaxProofSize must be positive, not {MaxProofSize}.");
        }

        if (MaxVerifyTime <= TimeSpan.Zero)
        {
            throw Invalid($"MaxVerifyTime must be positive, not {MaxVerifyTime}.");
        }

        if (EnvelopeLimits is null)
        {
            throw Invalid("EnvelopeLimits must be set.");
        }

        if (Compute is null)
        {
            throw Invalid("Compute must be set.");
        }

        Compute.Validate();

        if (!Enum.IsDefined(CompressionStrategy))
        {
            throw Invalid($"CompressionStrategy {(int)CompressionStrategy} is not a known strategy.");
        }

        if (!Enum.IsDefined(VerifyAfterGenerationFailure))
        {
            throw Invalid($"VerifyAfterGenerationFailure {(int)VerifyAfterGenerationFailure} is not a known policy.");
        }
    }

    private static NexusZeroException Invalid(string message) => new(NexusZeroErrorKind.ConfigurationError, message);
}
