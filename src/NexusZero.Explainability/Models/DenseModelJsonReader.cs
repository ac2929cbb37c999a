using System.Globalization;
using System.Text.Json;

namespace NexusZero.Explainability.Models;

/// <summary>
/// Streams a dense-model document with <see cref="Utf8JsonReader"/> in two passes over the same bytes. The first pass
/// checks the whole structure and counts layers, rows, values and weights against the limits while holding nothing
/// but the shapes, so an oversized or malformed model is refused after a scan costing almost no memory. Only then
/// does the second pass allocate arrays of exactly the recorded shapes and fill them.
/// </summary>
internal static class DenseModelJsonReader
{
    private const int MaxDepth = 8;
    private const int MaxNameLength = 256;

    public static DenseModel Read(ReadOnlySpan<byte> utf8)
    {
        var shapes = new List<LayerShape>();
        ReadDocument(utf8, new Pass(shapes, materialize: false));
        return ReadDocument(utf8, new Pass(shapes, materialize: true))!;
    }

    private static DenseModel? ReadDocument(ReadOnlySpan<byte> utf8, Pass pass)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var model = ReadRoot(ref reader, pass);
        if (reader.Read())
        {
            throw new FormatException("Model JSON is malformed: content after the root object.");
        }

        return model;
    }

    private static DenseModel? ReadRoot(ref Utf8JsonReader reader, Pass pass)
    {
        Require(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "$", "must be an object");
        string? format = null;
        int? version = null;
        string? kind = null;
        string[]? inputs = null;
        string[]? outputs = null;
        List<DenseLayer>? layers = null;
        bool sawLayers = false;
        int layerCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, "$") is string name)
        {
            switch (name)
            {
                case "format": format = ReadString(ref reader, "$.format"); break;
                case "version":
                    Require(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int v), "$.version", "must be an integer");
                    version = reader.GetInt32();
                    break;
                case "kind": kind = ReadString(ref reader, "$.kind"); break;
                case "inputs": inputs = ReadNames(ref reader, "$.inputs"); break;
                case "outputs": outputs = ReadNames(ref reader, "$.outputs"); break;
                case "layers": layers = ReadLayers(ref reader, pass, out layerCount); sawLayers = true; break;
                default: throw new FormatException($"Model JSON: unknown property '{name}'.");
            }
        }

        Require(!sawLayers || layerCount >= 1, "$.layers", $"must hold 1 to {DenseModelJson.MaxLayers} layers");
        Require(format == DenseModelJson.FormatName, "$.format", $"must be \"{DenseModelJson.FormatName}\"");
        Require(version == DenseModelJson.Version, "$.version", $"must be {DenseModelJson.Version}");
        Require(sawLayers, "$.layers", "is missing");
        Require(kind is "linear" or "logistic" or "mlp", "$.kind", "must be \"linear\", \"logistic\" or \"mlp\"");
        if (!pass.Materialize)
        {
            return null;
        }

        DenseModel model;
        try
        {
            model = new DenseModel(layers!, inputs, outputs);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Model JSON describes an invalid model: {ex.Message}", ex);
        }

        if (kind == "linear")
        {
            Require(model.IsLinear, "$.kind", "\"linear\" needs exactly one layer with activation \"identity\"");
        }
        else if (kind == "logistic")
        {
            Require(model.Layers.Count == 1 && model.Layers[0].Activation is Activation.Sigmoid or Activation.Softmax, "$.kind", "\"logistic\" needs exactly one layer with activation \"sigmoid\" or \"softmax\"");
        }

        return model;
    }

    private static List<DenseLayer>? ReadLayers(ref Utf8JsonReader reader, Pass pass, out int layerCount)
    {
        Require(reader.TokenType == JsonTokenType.StartArray, "$.layers", "must be an array");
        var layers = pass.Materialize ? new List<DenseLayer>(pass.Shapes.Count) : null;
        int index = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            // Refused as the first layer past the limit starts, not after the whole array is read.
            Require(index < DenseModelJson.MaxLayers, "$.layers", $"must hold 1 to {DenseModelJson.MaxLayers} layers");
            var layer = ReadLayer(ref reader, pass, index);
            layers?.Add(layer!);
            index++;
        }

        // An empty array is refused at the end of the root object, so a later duplicate key is still reported as such.
        layerCount = index;
        return layers;
    }

    private static DenseLayer? ReadLayer(ref Utf8JsonReader reader, Pass pass, int index)
    {
        string path = string.Create(CultureInfo.InvariantCulture, $"$.layers[{index}]");
        Require(reader.TokenType == JsonTokenType.StartObject, path, "must be an object");
        LayerShape? known = pass.Materialize ? pass.Shapes[index] : null;
        Activation? activation = null;
        (int Rows, int Columns)? shape = null;
        int? biasLength = null;
        double[]? weights = known is null ? null : new double[known.Rows * known.Columns];
        double[]? bias = known is null ? null : new double[known.BiasLength];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, path) is string name)
        {
            switch (name)
            {
                case "activation": activation = ParseActivation(ReadString(ref reader, path + ".activation"), path); break;
                case "weights": shape = ReadMatrix(ref reader, path + ".weights", pass, known, weights); break;
                case "bias": biasLength = ReadVector(ref reader, path + ".bias", bias); break;
                default: throw new FormatException($"Model JSON: unknown property '{name}' in {path}.");
            }
        }

        Require(activation is not null, path + ".activation", "is missing");
        Require(shape is not null, path + ".weights", "is missing");
        Require(biasLength is not null, path + ".bias", "is missing");
        Require(biasLength == shape!.Value.Rows, path + ".bias", $"must have {shape.Value.Rows} values, one per weight row");
        if (known is null)
        {
            pass.Shapes.Add(new LayerShape(shape.Value.Rows, shape.Value.Columns, biasLength!.Value));
            return null;
        }

        try
        {
            return new DenseLayer(weights!, known.Rows, known.Columns, bias!, activation!.Value);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"Model JSON describes an invalid model: {ex.Message}", ex);
        }
    }

    /// <summary>Checks (and in the second pass fills) a matrix; every weight counts against the model-wide limit as it is read.</summary>
    private static (int Rows, int Columns) ReadMatrix(ref Utf8JsonReader reader, string path, Pass pass, LayerShape? known, double[]? destination)
    {
        Require(reader.TokenType == JsonTokenType.StartArray, path, "must be an array of rows");
        int rows = 0;

        // The second pass knows the width from the first (the input is then known to be valid, so the checks pass).
        int columns = known?.Columns ?? -1;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Require(rows < DenseModelJson.MaxUnits, path, $"must hold 1 to {DenseModelJson.MaxUnits} rows");
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Fail(RowPath(path, rows), "must be an array");
            }

            int length = 0;
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (columns < 0 && length >= DenseModelJson.MaxUnits)
                {
                    Fail(RowPath(path, rows), $"must hold 1 to {DenseModelJson.MaxUnits} values");
                }

                if (columns >= 0 && length >= columns)
                {
                    Fail(RowPath(path, rows), $"must have {columns} values like the first row");
                }

                if (++pass.Weights > DenseModelJson.MaxParameters)
                {
                    Fail(path, $"brings the model above the limit of {DenseModelJson.MaxParameters} weights");
                }

                double value = ReadNumber(ref reader, path, rows, length);
                if (destination is not null)
                {
                    destination[(rows * columns) + length] = value;
                }

                length++;
            }

            if (columns < 0)
            {
                if (length == 0)
                {
                    Fail(RowPath(path, rows), $"must hold 1 to {DenseModelJson.MaxUnits} values");
                }

                columns = length;
            }
            else if (length != columns)
            {
                Fail(RowPath(path, rows), $"must have {columns} values like the first row");
            }

            rows++;
        }

        Require(rows >= 1, path, $"must hold 1 to {DenseModelJson.MaxUnits} rows");
        return (rows, columns);
    }

    private static int ReadVector(ref Utf8JsonReader reader, string path, double[]? destination)
    {
        Require(reader.TokenType == JsonTokenType.StartArray, path, "must be an array");
        int length = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Require(length < DenseModelJson.MaxUnits, path, $"must hold 1 to {DenseModelJson.MaxUnits} values");
            double value = ReadNumber(ref reader, path, -1, length);
            if (destination is not null)
            {
                destination[length] = value;
            }

            length++;
        }

        Require(length >= 1, path, $"must hold 1 to {DenseModelJson.MaxUnits} values");
        return length;
    }

    private static string[] ReadNames(ref Utf8JsonReader reader, string path)
    {
        Require(reader.TokenType == JsonTokenType.StartArray, path, "must be an array of strings");
        var names = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Require(names.Count < DenseModelJson.MaxUnits, path, $"must hold at most {DenseModelJson.MaxUnits} names");
            Require(reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 6 * MaxNameLength, path, "names must be strings of 1 to 256 characters");
            string name = reader.GetString()!;
            Require(name.Length is >= 1 and <= MaxNameLength, path, "names must be 1 to 256 characters");
            names.Add(name);
        }

        return [.. names];
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

    private static string ReadString(ref Utf8JsonReader reader, string path)
    {
        Require(reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 1024, path, "must be a string of at most 1024 bytes");
        return reader.GetString()!;
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string path, int row, int column)
    {
        double value = 0;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out value) || !double.IsFinite(value))
        {
            string at = row < 0
                ? string.Create(CultureInfo.InvariantCulture, $"{path}[{column}]")
                : string.Create(CultureInfo.InvariantCulture, $"{RowPath(path, row)}[{column}]");
            Fail(at, "must be a finite number");
        }

        return value;
    }

    /// <summary>Moves to the next property of the current object and to its value; null at the end of the object.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader, HashSet<string> seen, string path)
    {
        if (Next(ref reader) == JsonTokenType.EndObject)
        {
            return null;
        }

        string name = reader.GetString()!;
        if (!seen.Add(name))
        {
            throw new FormatException($"Model JSON: duplicate property '{name}' in {path}.");
        }

        Next(ref reader);
        return name;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException("Model JSON is malformed: it ends before the root object is closed.");
        }

        return reader.TokenType;
    }

    private static string RowPath(string path, int row) => string.Create(CultureInfo.InvariantCulture, $"{path}[{row}]");

    private static void Require(bool condition, string path, string message)
    {
        if (!condition)
        {
            Fail(path, message);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string path, string message) =>
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Model JSON: {path} {message}."));

    /// <summary>What the first pass learned about one layer, so the second allocates exactly.</summary>
    private sealed record LayerShape(int Rows, int Columns, int BiasLength);

    /// <summary>State of one pass: whether it builds arrays, the shapes, and the weights counted so far.</summary>
    private sealed class Pass(List<LayerShape> shapes, bool materialize)
    {
        public List<LayerShape> Shapes { get; } = shapes;

        public bool Materialize { get; } = materialize;

        public long Weights { get; set; }
    }
}
