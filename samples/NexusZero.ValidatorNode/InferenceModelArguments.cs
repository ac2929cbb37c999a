using NexusZero.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;

namespace NexusZero.ValidatorNode;

/// <summary>One model the node judges proofs of inference for: where its verifying key is, its weights form and commitment.</summary>
/// <param name="VerifyingKeyPath">The model circuit's verification_key.json (snarkjs format, as <c>nexuszero prove inference --vk-out</c> writes it).</param>
/// <param name="Weights">Public weights (named by <c>--model-commitment</c>) or private (named by <c>--weights-commitment</c>).</param>
/// <param name="Commitment">The 32-byte commitment the proposals' subjects must name.</param>
internal sealed record InferenceModelArgument(string VerifyingKeyPath, WeightVisibility Weights, byte[] Commitment);

/// <summary>
/// Reads the per-model options from the raw arguments, in order: each <c>--inference-vk FILE</c> is followed (not
/// necessarily at once) by exactly one <c>--model-commitment HEX</c> (public weights) or <c>--weights-commitment HEX</c>
/// (private weights) before the next <c>--inference-vk</c>. The options repeat, one group per model, which the
/// configuration system cannot express (it keeps only the last value of a repeated option), hence the raw arguments.
/// </summary>
internal static class InferenceModelArguments
{
    public const string VerifyingKeyOption = "--inference-vk";
    public const string ModelCommitmentOption = "--model-commitment";
    public const string WeightsCommitmentOption = "--weights-commitment";

    private static readonly string[] Options = [VerifyingKeyOption, ModelCommitmentOption, WeightsCommitmentOption];

    /// <summary>The models, in the order given; empty when no <c>--inference-vk</c> is given.</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="configuration">The parsed configuration, to notice these options written in a form the raw scan does not read.</param>
    /// <exception cref="FormatException">A value is missing or malformed, a commitment has no key or a key no commitment, or a model is given twice; the message names the option.</exception>
    public static IReadOnlyList<InferenceModelArgument> Parse(IReadOnlyList<string> args, IConfiguration configuration)
    {
        var models = new List<InferenceModelArgument>();
        string? pendingKey = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (!TryReadOption(args, ref i, out var option, out var value))
            {
                continue;
            }

            if (option == VerifyingKeyOption)
            {
                if (pendingKey is not null)
                {
                    throw new FormatException($"{VerifyingKeyOption} {pendingKey}: no {ModelCommitmentOption} or {WeightsCommitmentOption} before the next {VerifyingKeyOption} (each key needs the commitment of its model).");
                }

                pendingKey = value;
                continue;
            }

            if (pendingKey is null)
            {
                throw new FormatException($"{option}: no {VerifyingKeyOption} FILE before it (give each model as {VerifyingKeyOption} FILE {option} HEX).");
            }

            var weights = option == ModelCommitmentOption ? WeightVisibility.Public : WeightVisibility.Private;
            var commitment = ParseCommitment(option, value);
            if (weights == WeightVisibility.Private && !FieldElement.TryFromBigEndian(commitment, out _))
            {
                throw new FormatException($"{option}: {value} is not a canonical element of Fr (a Poseidon weights commitment is below the BN254 scalar field order r).");
            }

            if (models.Any(m => m.Weights == weights && m.Commitment.AsSpan().SequenceEqual(commitment)))
            {
                throw new FormatException($"{option}: {value} is given twice (one {VerifyingKeyOption} per model).");
            }

            models.Add(new InferenceModelArgument(pendingKey, weights, commitment));
            pendingKey = null;
        }

        if (pendingKey is not null)
        {
            throw new FormatException($"{VerifyingKeyOption} {pendingKey}: needs {ModelCommitmentOption} HEX (public weights) or {WeightsCommitmentOption} HEX (private weights) after it.");
        }

        // The configuration system also reads "/name value" and "name=value"; those would be silently ignored here.
        foreach (var name in Options)
        {
            if (configuration[name[2..]] is not null && !args.Any(a => a == name || a.StartsWith(name + "=", StringComparison.Ordinal)))
            {
                throw new FormatException($"{name}: write it as {name} VALUE (or {name}=VALUE).");
            }
        }

        return models;
    }

    private static bool TryReadOption(IReadOnlyList<string> args, ref int i, out string option, out string value)
    {
        var arg = args[i];
        foreach (var name in Options)
        {
            if (arg.StartsWith(name + "=", StringComparison.Ordinal))
            {
                (option, value) = (name, arg[(name.Length + 1)..]);
                return RequireValue(option, value);
            }

            if (arg == name)
            {
                option = name;
                value = i + 1 < args.Count ? args[++i] : "";
                return RequireValue(option, value);
            }
        }

        (option, value) = ("", "");
        return false;
    }

    private static bool RequireValue(string option, string value)
    {
        var what = option == VerifyingKeyOption ? "FILE" : "HEX";
        return value.Length == 0 || value.StartsWith("--", StringComparison.Ordinal)
            ? throw new FormatException($"{option}: {what} missing{(value.Length == 0 ? "" : $" (got the option {value})")}.")
            : true;
    }

    private static byte[] ParseCommitment(string option, string hex)
    {
        if (hex.Length != 2 * InferenceSubject.CommitmentSize || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException($"{option}: '{hex}' is not {2 * InferenceSubject.CommitmentSize} hex digits (a {InferenceSubject.CommitmentSize}-byte commitment).");
        }

        return Convert.FromHexString(hex);
    }
}
