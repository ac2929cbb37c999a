using System.Globalization;
using System.Text;
using System.Text.Json;
using NexusZero.Explainability;
using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;

namespace NexusZero.Cli.Commands;

/// <summary>Text and JSON renderings of `nexuszero explain` results.</summary>
internal static class ExplainOutput
{
    public static string AttributionsText(Explanation e, IReadOnlyList<LimeExplanation>? lime, IBatchModel model)
    {
        var text = new StringBuilder();
        int width = Math.Max(8, e.FeatureNames.Max(n => n.Length));
        text.AppendLine(Invariant($"method: {e.Method}  rows: {e.RowCount}  outputs: {string.Join(", ", e.OutputNames)}"));
        for (int r = 0; r < e.RowCount; r++)
        {
            var prediction = new double[model.OutputCount];
            model.Predict(e.GetInstance(r), 1, prediction);
            for (int o = 0; o < e.OutputCount; o++)
            {
                text.AppendLine();
                if (lime is null)
                {
                    text.AppendLine(Invariant($"row {r}, {e.OutputNames[o]}: f(x) = {prediction[o]:G6}  base value E[f(X)] = {e.GetBaseValue(r, o):G6}"));
                }
                else
                {
                    var l = lime[r];
                    text.AppendLine(Invariant($"row {r}, {e.OutputNames[o]}: f(x) = {l.ModelPrediction:G6}  intercept = {l.Intercept:G6}  local prediction = {l.LocalPrediction:G6}  R² = {l.Score:F4}"));
                }

                foreach (int f in Enumerable.Range(0, e.FeatureCount).OrderByDescending(f => Math.Abs(e.GetValue(r, f, o))).ThenBy(f => f))
                {
                    string se = e.GetStandardError(r, f, o) is double s ? Invariant($"  ± {s:G3}") : "";
                    text.AppendLine(Invariant($"  {e.FeatureNames[f].PadRight(width)}  {e.GetValue(r, f, o),14:+0.000000;-0.000000;0}{se}"));
                }
            }
        }

        return text.ToString();
    }

    public static string AttributionsJson(Explanation e, IReadOnlyList<LimeExplanation>? lime)
    {
        return Json(writer =>
        {
            writer.WriteString("method", e.Method);
            WriteStrings(writer, "features", e.FeatureNames);
            WriteStrings(writer, "outputs", e.OutputNames);
            writer.WriteStartArray("rows");
            for (int r = 0; r < e.RowCount; r++)
            {
                writer.WriteStartObject();
                WriteNumbers(writer, "instance", e.GetInstance(r));
                WriteNumbers(writer, "baseValues", [.. Enumerable.Range(0, e.OutputCount).Select(o => e.GetBaseValue(r, o))]);
                writer.WriteStartArray("values");
                for (int o = 0; o < e.OutputCount; o++)
                {
                    WriteNumbers(writer, null, e.GetValues(r, o));
                }

                writer.WriteEndArray();
                if (e.HasStandardErrors)
                {
                    writer.WriteStartArray("standardErrors");
                    for (int o = 0; o < e.OutputCount; o++)
                    {
                        WriteNumbers(writer, null, [.. Enumerable.Range(0, e.FeatureCount).Select(f => e.GetStandardError(r, f, o)!.Value)]);
                    }

                    writer.WriteEndArray();
                }

                if (lime is not null)
                {
                    WriteNumbers(writer, "weights", [.. lime[r].Weights]);
                    writer.WriteNumber("intercept", lime[r].Intercept);
                    writer.WriteNumber("score", lime[r].Score);
                    writer.WriteNumber("localPrediction", lime[r].LocalPrediction);
                    writer.WriteNumber("modelPrediction", lime[r].ModelPrediction);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    public static string CounterfactualsText(string[] names, IReadOnlyList<CounterfactualResult> results)
    {
        var text = new StringBuilder();
        for (int r = 0; r < results.Count; r++)
        {
            var result = results[r];
            text.AppendLine(Invariant($"row {r}: prediction [{string.Join(", ", result.Prediction.Select(p => p.ToString("G6", CultureInfo.InvariantCulture)))}]"));
            text.AppendLine("  " + result.Summary);
            if (!result.Found)
            {
                continue;
            }

            text.AppendLine(Invariant($"  validity {result.Validity:P0}  mean proximity {result.MeanProximity:G4}  mean sparsity {result.MeanSparsity:G3}  diversity {result.Diversity:G4}"));
            for (int i = 0; i < result.Counterfactuals.Count; i++)
            {
                var cf = result.Counterfactuals[i];
                var changes = cf.ChangedFeatures.Select(j => Invariant($"{names[j]}: {result.Instance[j]:G6} → {cf.Values[j]:G6}"));
                text.AppendLine(Invariant($"  #{i + 1} [{string.Join(", ", cf.Prediction.Select(p => p.ToString("G4", CultureInfo.InvariantCulture)))}] proximity {cf.Proximity:G4}: {string.Join("; ", changes)}"));
            }
        }

        return text.ToString();
    }

    public static string CounterfactualsJson(string[] names, IReadOnlyList<CounterfactualResult> results)
    {
        return Json(writer =>
        {
            writer.WriteString("method", "counterfactual");
            WriteStrings(writer, "features", names);
            writer.WriteStartArray("rows");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                WriteNumbers(writer, "instance", [.. result.Instance]);
                WriteNumbers(writer, "prediction", [.. result.Prediction]);
                writer.WriteBoolean("found", result.Found);
                writer.WriteString("summary", result.Summary);
                writer.WriteNumber("validity", result.Validity);
                if (result.Found)
                {
                    writer.WriteNumber("meanProximity", result.MeanProximity);
                    writer.WriteNumber("meanSparsity", result.MeanSparsity);
                }

                writer.WriteNumber("diversity", result.Diversity);
                writer.WriteStartArray("counterfactuals");
                foreach (var cf in result.Counterfactuals)
                {
                    writer.WriteStartObject();
                    WriteNumbers(writer, "values", [.. cf.Values]);
                    WriteNumbers(writer, "prediction", [.. cf.Prediction]);
                    WriteStrings(writer, "changed", [.. cf.ChangedFeatures.Select(j => names[j])]);
                    writer.WriteNumber("proximity", cf.Proximity);
                    writer.WriteBoolean("valid", cf.IsValid);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string? name, double[] values)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (double v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
