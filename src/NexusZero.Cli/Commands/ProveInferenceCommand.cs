using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using NexusZero.Inference.Graph;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using NexusZero.IO;
using NexusZero.Pipeline;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove inference --model M.onnx --input CSV --out FILE --vk-out FILE`: imports the ONNX model,
/// quantizes it, makes the circuit's keys with a local setup, and proves that the model maps the input row to its
/// output (Groth16 over BN254). Like `prove preimage`, the verifying key it writes convinces whoever trusts this
/// machine's setup; a verifier that must not trust the prover makes the keys for the model itself (docs/security.md).
/// With `--input-opening-out FILE` the input is committed instead of public: the statement carries a Poseidon
/// commitment to it and FILE receives the opening (docs/formats.md, "Committed-input commitment").
/// </summary>
internal static class ProveInferenceCommand
{
    public static Command Create()
    {
        var modelOption = new Option<string>("--model") { Description = "The ONNX model (operators: docs/architecture.md, \"Proof of inference\").", Required = true };
        var inputOption = new Option<string>("--input")
        {
            Description = "CSV file with one row of comma-separated numbers, the model's input (an optional header line before it is skipped).",
            Required = true,
        };
        var defaults = QuantizationOptions.Default;
        var inputScale = Bits("--input-scale-bits", $"Fixed-point scale 2^s of inputs and activations, 1 … 24 (default {defaults.InputScaleBits}).", defaults.InputScaleBits, 1, 24);
        var parameterScale = Bits("--parameter-scale-bits", $"Fixed-point scale 2^s of the weights, 1 … 24 (default {defaults.ParameterScaleBits}).", defaults.ParameterScaleBits, 1, 24);
        var inputBits = Bits("--input-bits", $"Width of a quantized input as a signed integer, 2 … 40 (default {defaults.InputBits}); bounds every value of the circuit.", defaults.InputBits, 2, 40);
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var vkOption = new Option<string>("--vk-out")
        {
            Description = "Where to write the model circuit's verification_key.json (snarkjs format); verify with nexuszero verify --vk.",
            Required = true,
        };
        var openingOption = new Option<string?>("--input-opening-out")
        {
            Description = "Commit to the input instead of publishing it: the proof's statement carries a blinded Poseidon commitment to the input, and FILE receives the opening (secret: with the input it lets its holder check the commitment).",
        };
        var forceOption = ForceOption.Create();
        var command = new Command("inference", "Prove that an ONNX model maps an input to its output (quantized; Groth16 over BN254, ~100-bit security).")
        {
            modelOption, inputOption, inputScale, parameterScale, inputBits, contextOption, outOption, vkOption, openingOption, forceOption,
        };
        command.SetAction(parse => Run(
            new Request(
                parse.GetRequiredValue(modelOption),
                parse.GetRequiredValue(inputOption),
                new QuantizationOptions { InputScaleBits = parse.GetValue(inputScale), ParameterScaleBits = parse.GetValue(parameterScale), InputBits = parse.GetValue(inputBits) },
                parse.GetValue(contextOption),
                new OutputTarget(parse.GetRequiredValue(outOption), parse.GetValue(forceOption)),
                new OutputTarget(parse.GetRequiredValue(vkOption), parse.GetValue(forceOption)),
                parse.GetValue(openingOption) is string opening ? new OutputTarget(opening, parse.GetValue(forceOption)) : null),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static Option<int> Bits(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} {value} is outside {min} … {max}.");
            }
        });
        return option;
    }

    private static int Run(Request request, TextWriter output, TextWriter error)
    {
        OutputFile.EnsureWritable(request.Out.Path, request.Out.Force, "--out");
        OutputFile.EnsureWritable(request.VerifyingKeyOut.Path, request.VerifyingKeyOut.Force, "--vk-out");
        if (request.OpeningOut is OutputTarget openingTarget)
        {
            OutputFile.EnsureWritable(openingTarget.Path, openingTarget.Force, "--input-opening-out");
        }

        var inputVisibility = request.OpeningOut is null ? InputVisibility.Public : InputVisibility.Committed;
        var onnx = BoundedFile.ReadAllBytes(request.ModelPath, OnnxImportLimits.Default.MaxFileBytes, "--model file");
        var input = InferenceInputCsv.Read(request.InputPath);

        // Always on stderr, as for preimages: setup takes seconds to minutes, and the key's trust model must not go unsaid.
        var stages = new StageProgress(error);
        var clock = Stopwatch.StartNew();
        var model = stages.Stage("importing and quantizing the model", () => Quantize(request.ModelPath, onnx, request.Quantization));
        if (input.Length != model.Source.InputSize)
        {
            throw new FormatException($"--input {request.InputPath}: the row has {input.Length} values but the model takes {model.Source.InputSize}.");
        }

        var quantizedInput = model.QuantizeInput(input);
        var report = stages.Stage("measuring the quantization error against ONNX Runtime", () => Measure(request.ModelPath, onnx, model, input));
        var prepared = clock.Elapsed;
        clock.Restart();
        var keys = stages.Stage("setting up the model's circuit (local setup: the key convinces whoever trusts this machine)", () => InferenceCircuitKeys.CreateWithLocalSetup(model, WeightVisibility.Public, inputVisibility));
        var setup = clock.Elapsed;
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var options = new InferenceProofOptions { Context = Encoding.UTF8.GetBytes(request.Context ?? ""), Input = inputVisibility };
        var proof = stages.Stage("proving", () => api.ProveInference(keys, input, options));
        using var inputOpening = proof.InputOpening;
        var bytes = proof.ToBytes();
        OutputFile.Write(request.Out.Path, request.Out.Force, "--out", bytes);
        if (request.OpeningOut is OutputTarget target && inputOpening is not null)
        {
            var openingBytes = inputOpening.ToBytes();
            try
            {
                OutputFile.Write(target.Path, target.Force, "--input-opening-out", openingBytes);

                // The blinding is what hides the input: readable by its owner only, where the platform has modes.
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(openingBytes);
            }
        }

        OutputFile.Write(request.VerifyingKeyOut.Path, request.VerifyingKeyOut.Force, "--vk-out", Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(keys.VerifyingKey)));

        var claim = proof.Claim;
        var source = model.Source;
        output.WriteLine($"model:          {request.ModelPath} ({source.Layers.Count} layers, {source.InputSize} inputs, {source.OutputSize} outputs{(source.SoftmaxAtOutput ? ", Softmax at the output" : "")})");
        output.WriteLine($"commitment:     {Convert.ToHexStringLower(model.Commitment.Span)}");
        output.WriteLine(Invariant($"quantization:   inputs and activations at 2^{model.Options.InputScaleBits}, weights at 2^{model.Options.ParameterScaleBits}, inputs of {model.Options.InputBits} bits"));
        output.WriteLine(inputOpening is null
            ? $"input:          {string.Join(", ", quantizedInput)} (quantized)"
            : $"input:          committed, {Convert.ToHexStringLower(inputOpening.CommitmentBytes())} (opening: {request.OpeningOut?.Path})");
        output.WriteLine($"output:         {string.Join(", ", claim.Output.Select(q => Invariant($"{model.Dequantize(q):G6}")))}{(source.SoftmaxAtOutput ? " (logits)" : "")}; quantized {string.Join(", ", claim.Output)}");
        if (claim.ArgMax is int argMax)
        {
            output.WriteLine($"argmax:         {argMax}");
        }

        output.WriteLine(Invariant($"error:          max |quantized − ONNX Runtime| {report.MaxAbsoluteError:G4}{(source.SoftmaxAtOutput ? " (probabilities)" : "")}; argmax {(report.ArgMaxAgreement == 1 ? "agrees" : "differs")}; import vs ONNX Runtime {report.ImportMaxAbsoluteError:G3}"));
        output.WriteLine($"constraints:    {keys.ConstraintCount} ({string.Join(", ", keys.Layers.Select(l => $"{l.Layer} {l.Constraints}"))})");
        output.WriteLine($"public inputs:  {PublicLayout(claim)}");
        output.WriteLine($"verifying key:  {Convert.ToHexStringLower(keys.VerifyingKey.Digest.Span)} ({request.VerifyingKeyOut.Path})");
        output.WriteLine(Invariant($"setup:          import and quantization {prepared.TotalMilliseconds:F0} ms, local setup {setup.TotalMilliseconds:F0} ms"));
        LatticeCliInput.WriteSummary(output, proof.Proof, bytes.Length, request.Out.Path);
        return ExitCodes.Success;
    }

    private static QuantizedModel Quantize(string path, byte[] onnx, QuantizationOptions options)
    {
        ImportedModel imported;
        try
        {
            imported = OnnxModelImporter.Import(onnx);
        }
        catch (NotSupportedException e)
        {
            throw new FormatException($"--model {path}: not supported: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new FormatException($"--model {path}: {e.Message}", e);
        }

        try
        {
            return ModelQuantizer.Quantize(imported, options);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw new FormatException($"--model {path}: cannot be quantized without wrap-around: {e.Message} (lower the scales or --input-bits)", e);
        }
    }

    private static QuantizationReport Measure(string path, byte[] onnx, QuantizedModel model, double[] input)
    {
        try
        {
            using var reference = new OnnxReferenceModel(onnx);
            return QuantizationReport.Measure(model, reference, [input]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new FormatException($"--model {path}: ONNX Runtime cannot run the model: {e.Message}", e);
        }
    }

    /// <summary>Which public values of the envelope are what, in the order InferenceCircuitKeys.Statement lays them out.</summary>
    private static string PublicLayout(InferenceClaim claim)
    {
        var next = 0;
        string Range(int count, string what)
        {
            var text = count == 1 ? $"public{next} {what}" : $"public{next}…public{next + count - 1} {what}";
            next += count;
            return text;
        }

        var parts = new List<string> { Range(claim.Output.Count, "output") };
        if (claim.ArgMax.HasValue)
        {
            parts.Add(Range(1, "argmax"));
        }

        parts.Add(Range(2, "model commitment"));
        parts.Add(claim.InputCommitment is null ? Range(claim.Input.Count, "input") : Range(2, "input commitment tag and commitment"));
        return string.Join(", ", parts) + " (negative values are p − |v|)";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Request(string ModelPath, string InputPath, QuantizationOptions Quantization, string? Context, OutputTarget Out, OutputTarget VerifyingKeyOut, OutputTarget? OpeningOut);
}
