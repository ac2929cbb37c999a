using System.Globalization;
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
    /// <exception cref="FormatException">The file is not a valid model.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DenseModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Bounded whatever the file claims: /dev/zero, a pipe or a /proc entry stops at the limit.
        return Parse(BoundedFile.ReadAllText(path, MaxFileBytes, "model file"));
    }

    /// <summary>Parses a model from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The text is not a valid model.</exception>
    public static DenseModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxFileBytes)
        {
            throw new FormatException($"Model JSON is longer than {MaxFileBytes} characters.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Model JSON is malformed: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Model JSON describes an invalid model: {ex.Message}", ex);
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

    private static DenseModel Read(JsonElement root)
    {
        Require(root.ValueKind == JsonValueKind.Object, "$", "must be an object");
        string? format = null;
        int? version = null;
        string? kind = null;
        string[]? inputs = null;
        string[]? outputs = null;
        List<DenseLayer>? layers = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "format": format = ReadString(property.Value, "$.format"); break;
                case "version":
                    Require(property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out int v), "$.version", "must be an integer");
                    version = property.Value.GetInt32();
                    break;
                case "kind": kind = ReadString(property.Value, "$.kind"); break;
                case "inputs": inputs = ReadNames(property.Value, "$.inputs"); break;
                case "outputs": outputs = ReadNames(property.Value, "$.outputs"); break;
                case "layers": layers = ReadLayers(property.Value); break;
                default: throw new FormatException($"Model JSON: unknown property '{property.Name}'.");
            }
        }

        Require(format == FormatName, "$.format", $"must be \"{FormatName}\"");
        Require(version == Version, "$.version", $"must be {Version}");
        Require(layers is not null, "$.layers", "is missing");
        var model = new DenseModel(layers!, inputs, outputs);
        switch (kind)
        {
            case "linear":
                Require(model.IsLinear, "$.kind", "\"linear\" needs exactly one layer with activation \"identity\"");
                break;
            case "logistic":
                Require(model.Layers.Count == 1 && model.Layers[0].Activation is Activation.Sigmoid or Activation.Softmax, "$.kind", "\"logistic\" needs exactly one layer with activation \"sigmoid\" or \"softmax\"");
                break;
            case "mlp":
                break;
            default:
                throw new FormatException("Model JSON: $.kind must be \"linear\", \"logistic\" or \"mlp\".");
        }

        return model;
    }

    private static List<DenseLayer> ReadLayers(JsonElement element)
    {
        Require(element.ValueKind == JsonValueKind.Array, "$.layers", "must be an array");
        int count = element.GetArrayLength();
        Require(count is >= 1 and <= MaxLayers, "$.layers", $"must hold 1 to {MaxLayers} layers");
        var layers = new List<DenseLayer>(count);
        long parameters = 0;
        int index = 0;
        foreach (var layerElement in element.EnumerateArray())
        {
            string path = $"$.layers[{index}]";
            Require(layerElement.ValueKind == JsonValueKind.Object, path, "must be an object");
            Activation? activation = null;
            double[,]? weights = null;
            double[]? bias = null;
            foreach (var property in layerElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "activation": activation = ParseActivation(ReadString(property.Value, path + ".activation"), path); break;
                    case "weights": weights = ReadMatrix(property.Value, path + ".weights", ref parameters); break;
                    case "bias": bias = ReadVector(property.Value, path + ".bias"); break;
                    default: throw new FormatException($"Model JSON: unknown property '{property.Name}' in {path}.");
                }
            }

            Require(activation is not null, path + ".activation", "is missing");
            Require(weights is not null, path + ".weights", "is missing");
            Require(bias is not null, path + ".bias", "is missing");
            Require(bias!.Length == weights!.GetLength(0), path + ".bias", $"must have {weights.GetLength(0)} values, one per weight row");
            layers.Add(new DenseLayer(weights, bias, activation!.Value));
            index++;
        }

        return layers;
    }

    private static Activation ParseActivation(string name, string path) => name switch
    {
        "identity" => Activation.Identity,
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "sigmoid" => Activation.Sigmoid,
        "softmax" => Activation.Softmax,
        _ => throw new FormatException($"Model JSON: {path}.activation '{name}' is not one of identity, relu, tanh, sigmoid, softmax."),
    };

    private static double[,] ReadMatrix(JsonElement element, string path, ref long parameters)
    {
        Require(element.ValueKind == JsonValueKind.Array, path, "must be an array of rows");
        int rows = element.GetArrayLength();
        Require(rows is >= 1 and <= MaxUnits, path, $"must hold 1 to {MaxUnits} rows");
        int columns = -1;
        double[,]? matrix = null;
        int r = 0;
        foreach (var row in element.EnumerateArray())
        {
            Require(row.ValueKind == JsonValueKind.Array, $"{path}[{r}]", "must be an array");
            int length = row.GetArrayLength();
            if (columns < 0)
            {
                Require(length is >= 1 and <= MaxUnits, $"{path}[{r}]", $"must hold 1 to {MaxUnits} values");
                columns = length;
                parameters += (long)rows * columns;
                Require(parameters <= MaxParameters, path, $"brings the model above {MaxParameters} weights");
                matrix = new double[rows, columns];
            }

            Require(length == columns, $"{path}[{r}]", $"must have {columns} values like the first row");
            int c = 0;
            foreach (var value in row.EnumerateArray())
            {
                matrix![r, c++] = ReadNumber(value, $"{path}[{r}][{c - 1}]");
            }

            r++;
        }

        return matrix!;
    }

    private static double[] ReadVector(JsonElement element, string path)
    {
        Require(element.ValueKind == JsonValueKind.Array, path, "must be an array");
        int length = element.GetArrayLength();
        Require(length is >= 1 and <= MaxUnits, path, $"must hold 1 to {MaxUnits} values");
        var vector = new double[length];
        int i = 0;
        foreach (var value in element.EnumerateArray())
        {
            vector[i] = ReadNumber(value, $"{path}[{i}]");
            i++;
        }

        return vector;
    }

    private static string[] ReadNames(JsonElement element, string path)
    {
        Require(element.ValueKind == JsonValueKind.Array, path, "must be an array of strings");
        Require(element.GetArrayLength() <= MaxUnits, path, $"must hold at most {MaxUnits} names");
        var names = new List<string>();
        foreach (var value in element.EnumerateArray())
        {
            string name = ReadString(value, path);
            Require(name.Length is >= 1 and <= 256, path, "names must be 1 to 256 characters");
            names.Add(name);
        }

        return [.. names];
    }

    private static string ReadString(JsonElement element, string path)
    {
        Require(element.ValueKind == JsonValueKind.String, path, "must be a string");
        return element.GetString()!;
    }

    private static double ReadNumber(JsonElement element, string path)
    {
        Require(element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && double.IsFinite(value), path, "must be a finite number");
        return element.GetDouble();
    }

    private static void Require(bool condition, string path, string message)
    {
        if (!condition)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Model JSON: {path} {message}."));
        }
    }
}
