using System.Globalization;
using NexusZero.Consensus.Evaluation;
using NexusZero.Pipeline;

namespace NexusZero.ValidatorNode;

/// <summary>
/// Reads the proof options into the node's proof evaluator, if any: <c>--inference-vk</c> (with its commitments) for
/// proofs of inference about the proposal's own output, or <c>--verify-proofs true</c> (with <c>--min-security</c>)
/// for the generic check that an envelope proves the statement it carries. They exclude each other: with pinned models
/// every proposal must be an inference of one of them, whose envelope the inference check verifies against the
/// statement about that output (Groth16 over BN254, at its ~100-bit level, for those pinned keys only). The generic
/// check would add nothing and in fact refuses every such envelope: below its 128-bit default floor, and at any floor
/// because it holds no pinned verifying key (KeyNotPinned).
/// </summary>
internal static class ProofChecks
{
    private const int DefaultSecurityBits = 128;

    /// <summary>The proof evaluator the options ask for, or null for none.</summary>
    /// <exception cref="FormatException">An option is malformed or the options conflict; the message names the option.</exception>
    public static IQualityEvaluator? Create(IReadOnlyList<string> args, IConfiguration configuration)
    {
        var verifyProofs = ParseVerifyProofs(configuration["verify-proofs"]);
        var securityText = configuration["min-security"];
        var models = InferenceModelArguments.Parse(args, configuration);
        if (models.Count > 0)
        {
            if (verifyProofs)
            {
                throw new FormatException($"--verify-proofs: not with {InferenceModelArguments.VerifyingKeyOption}, which already verifies every envelope against the statement about the proposal's own output (Groth16 at its 100-bit level); drop --verify-proofs.");
            }

            if (securityText is not null)
            {
                throw new FormatException($"--min-security: not with {InferenceModelArguments.VerifyingKeyOption}; inference proofs are Groth16 over BN254, verified at its 100-bit level.");
            }

            return PinnedModelsEvaluator.Load(models);
        }

        if (!verifyProofs)
        {
            return securityText is null ? null : throw new FormatException("--min-security: only with --verify-proofs true (it sets that check's floor).");
        }

        var bits = ParseSecurityBits(securityText);
        return new EnvelopeVerifiesEvaluator(new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = bits }));
    }

    private static bool ParseVerifyProofs(string? text) => text switch
    {
        null => false,
        _ when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
        _ when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new FormatException($"--verify-proofs: '{text}' is not true or false."),
    };

    private static int ParseSecurityBits(string? text)
    {
        if (text is null)
        {
            return DefaultSecurityBits;
        }

        // The levels ProtocolConfig knows. Lowering is explicit; it does not admit Groth16, whose keys this check does not pin.
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits is 100 or 128 or 192 or 256
            ? bits
            : throw new FormatException($"--min-security: '{text}' is not 100, 128, 192 or 256.");
    }
}
