using System.Text;
using NexusZero.Explainability.Data;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Runtime;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Service.Models;

/// <summary>
/// One servable model: imported and quantized from ONNX, with its circuit keys from a local setup at registration
/// (docs/service.md, "Models and keys"), the float model the explainers query, and the explainers' background.
/// </summary>
internal sealed class RegisteredModel : IDisposable
{
    public const int MaxIdLength = 64;

    private RegisteredModel(string id, QuantizedModel model, InferenceCircuitKeys keys, OnnxBatchModel floatModel, BackgroundData background, string[] featureNames)
    {
        Id = id;
        Model = model;
        Keys = keys;
        FloatModel = floatModel;
        Background = background;
        FeatureNames = featureNames;
        VerifyingKeyJson = SnarkjsJson.WriteVerifyingKey(keys.VerifyingKey);
        ProposalEvaluator = new InferenceProposalEvaluator(keys);
    }

    public string Id { get; }

    public QuantizedModel Model { get; }

    public InferenceCircuitKeys Keys { get; }

    public Groth16VerifyingKey VerifyingKey => Keys.VerifyingKey;

    public ReadOnlyMemory<byte> Commitment => Model.Commitment;

    public int InputCount => Model.Source.InputSize;

    public int OutputCount => Model.Source.OutputSize;

    public OnnxBatchModel FloatModel { get; }

    public BackgroundData Background { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public string VerifyingKeyJson { get; }

    /// <summary>What an in-process validator runs on a proposal about this model.</summary>
    public InferenceProposalEvaluator ProposalEvaluator { get; }

    /// <summary>Imports, quantizes and runs the local setup; seconds for a small MLP.</summary>
    /// <exception cref="ArgumentException">The id is malformed, the background does not fit, or the ONNX bytes are refused (the message says why).</exception>
    public static RegisteredModel Create(string id, byte[] onnx, IReadOnlyList<double[]>? background, IReadOnlyList<string>? featureNames) =>
        Create(id, onnx, _ => background, featureNames, provingKeyPath: null);

    /// <summary>
    /// As <see cref="Create(string, byte[], IReadOnlyList{double[]}?, IReadOnlyList{string}?)"/>, with the proving key kept
    /// in <paramref name="provingKeyPath"/>: read from it when it exists (it must be for this model's circuit), otherwise
    /// made by the local setup and written there, so every instance and restart pointed at the file proves under one
    /// verifying key.
    /// </summary>
    /// <exception cref="ArgumentException">As the other overload, or the key file is not a key for this model's circuit (the message names the defect).</exception>
    /// <exception cref="IOException">The key file cannot be read or written.</exception>
    public static RegisteredModel Create(string id, byte[] onnx, IReadOnlyList<double[]>? background, IReadOnlyList<string>? featureNames, string? provingKeyPath) =>
        Create(id, onnx, _ => background, featureNames, provingKeyPath);

    /// <summary>As the other overload, with the background given row-major (a multiple of the input count; empty for a zero row).</summary>
    /// <exception cref="ArgumentException">As the other overload, or the values are not whole rows.</exception>
    public static RegisteredModel Create(string id, byte[] onnx, IReadOnlyList<double> flatBackground, IReadOnlyList<string>? featureNames) =>
        Create(id, onnx, inputs => Rows(flatBackground, inputs), featureNames, provingKeyPath: null);

    private static IReadOnlyList<double[]>? Rows(IReadOnlyList<double> flat, int inputs)
    {
        if (flat.Count % inputs != 0 || flat.Count / inputs > BackgroundData.MaxRows)
        {
            throw new ArgumentException($"background: a multiple of {inputs} values, at most {BackgroundData.MaxRows} rows.", nameof(flat));
        }

        return [.. Enumerable.Range(0, flat.Count / inputs).Select(r => flat.Skip(r * inputs).Take(inputs).ToArray())];
    }

    private static RegisteredModel Create(string id, byte[] onnx, Func<int, IReadOnlyList<double[]>?> backgroundFor, IReadOnlyList<string>? featureNames, string? provingKeyPath)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        CheckId(id);
        QuantizedModel model;
        try
        {
            model = ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx));
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or InvalidDataException)
        {
            throw new ArgumentException($"onnx: {ex.Message}", nameof(onnx), ex);
        }

        var inputs = model.Source.InputSize;
        var background = backgroundFor(inputs);
        var rows = background is { Count: > 0 } ? background : [new double[inputs]];
        foreach (var row in rows)
        {
            if (row.Length != inputs || !row.All(double.IsFinite))
            {
                throw new ArgumentException($"background: each row needs {inputs} finite values.", nameof(background));
            }
        }

        var names = featureNames is { Count: > 0 } ? featureNames.ToArray() : Enumerable.Range(0, inputs).Select(i => $"x{i}").ToArray();
        if (names.Length != inputs || names.Any(n => n.Length == 0 || Encoding.UTF8.GetByteCount(n) > ReceiptExplanation.MaxNameBytes))
        {
            throw new ArgumentException($"feature_names: {inputs} names of 1 … {ReceiptExplanation.MaxNameBytes} bytes are needed.", nameof(featureNames));
        }

        InferenceCircuitKeys keys;
        try
        {
            keys = provingKeyPath is { Length: > 0 }
                ? InferenceCircuitKeys.LoadOrCreate(model, WeightVisibility.Public, InputVisibility.Public, provingKeyPath)
                : InferenceCircuitKeys.CreateWithLocalSetup(model);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"proving key: {ex.Message}", nameof(provingKeyPath), ex);
        }
        OnnxBatchModel? floatModel = null;
        try
        {
            floatModel = new OnnxBatchModel(onnx);
            return new RegisteredModel(id, model, keys, floatModel, BackgroundData.FromRows(rows), names);
        }
        catch
        {
            floatModel?.Dispose();
            throw;
        }
    }

    /// <exception cref="ArgumentException">The id is empty, too long or has a character outside the allowed set.</exception>
    public static void CheckId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"model_id: 1 … {MaxIdLength} characters of A–Z, a–z, 0–9, '.', '_', '-'.", nameof(id));
        }
    }

    public void Dispose() => FloatModel.Dispose();
}
