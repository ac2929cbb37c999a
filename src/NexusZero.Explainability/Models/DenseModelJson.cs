using System.Text;
using System.Text.Json;
using NexusZero.IO;

namespace NexusZero.Explainability.Models;

/// <summary>
/// Reads and writes the JSON dense-model format (format "nexuszero.dense-model", version 1) described in docs/formats.md.
/// Parsing is strict: unknown properties, wrong shapes, non-finite numbers and sizes beyond the limits are refused.
/// </summary>
public static class DenseModelJson
{
    /// <summary>The value of the "format" property.</summary>
    public const string FormatName = "nexuszero.dense-model";

    /// <summary>The only format version this reader accepts.</summary>
    public const int Version = 1;

    /// <summary>Largest accepted file, checked before reading.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Most layers a model may have.</summary>
    public const int MaxLayers = 64;

    /// <summary>Most units (inputs or outputs) a layer may have.</summary>
    public const int MaxUnits = 4096;

    /// <summary>Most weights summed over all layers.</summary>
    public const long MaxParameters = 4_000_000;

    /// <summary>Loads a model from a file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The file is not a valid model, or exceeds a limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DenseModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Bounded whatever the file claims: /dev/zero, a pipe or a /proc entry stops at the limit.
        var bytes = BoundedFile.ReadAllBytes(path, MaxFileBytes, "model file");
        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return Parse(bytes.AsSpan(start));
    }

    /// <summary>Parses a model from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The text is not a valid model, or exceeds a limit.</exception>
    public static DenseModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxFileBytes)
        {
            throw new FormatException($"Model JSON is longer than the limit of {MaxFileBytes} characters.");
        }

        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Parses a model from UTF-8 JSON. A first streaming pass checks the structure and counts layers, units and weights
    /// against <see cref="MaxLayers"/>, <see cref="MaxUnits"/> and <see cref="MaxParameters"/> without building anything,
    /// so a model over a limit is refused after a scan of the bytes; only a model within every limit is materialised.
    /// </summary>
    /// <param name="utf8Json">The JSON bytes, without a byte-order mark.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The bytes are not a valid model, or exceed a limit.</exception>
    public static DenseModel Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxFileBytes)
        {
            throw new FormatException($"Model JSON is longer than the limit of {MaxFileBytes} bytes.");
        }

        try
        {
            return DenseModelJsonReader.Read(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Model JSON is malformed: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports strings that are not valid UTF-8 this way.
            throw new FormatException($"Model JSON is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>Writes a model as JSON in the documented format.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Indented JSON text.</returns>
    public static string Serialize(DenseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", Version);
            writer.WriteString("kind", KindOf(model));
            WriteNames(writer, "inputs", model.InputNames);
            WriteNames(writer, "outputs", model.OutputNames);
            writer.WriteStartArray("layers");
            foreach (var layer in model.Layers)
            {
                writer.WriteStartObject();
                writer.WriteString("activation", layer.Activation.ToString().ToLowerInvariant());
                writer.WriteStartArray("weights");
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    writer.WriteStartArray();
                    for (int i = 0; i < layer.InputCount; i++)
                    {
                        writer.WriteNumberValue(layer.GetWeight(o, i));
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("bias");
                for (int o = 0; o < layer.OutputCount; o++)
                {
                    writer.WriteNumberValue(layer.GetBias(o));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string KindOf(DenseModel model) => model.Layers.Count != 1
        ? "mlp"
        : model.Layers[0].Activation switch
        {
            Activation.Identity => "linear",
            Activation.Sigmoid or Activation.Softmax => "logistic",
            _ => "mlp",
        };

    private static void WriteNames(Utf8JsonWriter writer, string property, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return;
        }

        writer.WriteStartArray(property);
        foreach (string name in names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
