using System.Globalization;
using System.Xml.Linq;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Plots;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Plots;

public sealed class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly double[] Weights = [3, -1, 0.5, -6, 0.1, 2];

    private static Explanation Explain(int rows)
    {
        var model = DenseModel.Linear(Weights, 1, ["income", "debt", "age <&> \"x\"", "late", "tenure", "savings"]);
        var background = BackgroundData.FromRows(Enumerable.Range(0, 4).Select(_ => new double[6]).ToArray());
        var instances = Enumerable.Range(0, rows).Select(r => Enumerable.Repeat(1.0 + r, 6).ToArray()).ToArray();
        return new LinearShapExplainer(model, background).Explain(instances);
    }

    private static List<XElement> Bars(string svg, string cssClass = "bar")
    {
        var document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        return [.. document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == cssClass)];
    }

    private static double Value(XElement bar) => double.Parse((string)bar.Attribute("data-value")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Waterfall_shows_bars_by_decreasing_magnitude_with_labels_and_values()
    {
        var explanation = Explain(1);
        var bars = Bars(SvgPlots.Waterfall(explanation));
        Assert.Equal(["late", "income", "savings", "debt", "age <&> \"x\"", "tenure"], bars.Select(b => (string)b.Attribute("data-feature")!));
        for (int i = 0; i < bars.Count; i++)
        {
            string name = (string)bars[i].Attribute("data-feature")!;
            int feature = explanation.FeatureNames.ToList().IndexOf(name);
            Assert.Equal(explanation.GetValue(0, feature), Value(bars[i]));
            Assert.Equal((Value(bars[i]) >= 0) ? "#ff0051" : "#008bfb", (string)bars[i].Element(Svg + "rect")!.Attribute("fill")!);
            Assert.StartsWith(name + " = 1", bars[i].Elements(Svg + "text").First().Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Waterfall_folds_the_smallest_features_into_one_bar()
    {
        var explanation = Explain(1);
        var bars = Bars(SvgPlots.Waterfall(explanation, maxDisplay: 3));
        Assert.Equal(3, bars.Count);
        Assert.Equal("(other)", (string)bars[2].Attribute("data-feature")!);
        Assert.Equal(-1 + 0.5 + 0.1 + 2, Value(bars[2]), 1e-12);
        Assert.Contains("4 other features", bars[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_plot_orders_by_mean_absolute_value()
    {
        var explanation = Explain(3);
        var bars = Bars(SvgPlots.Bar(explanation));
        Assert.Equal(6, bars.Count);
        var values = bars.Select(Value).ToArray();
        Assert.Equal(values.OrderByDescending(v => v), values);
        Assert.Equal("late", (string)bars[0].Attribute("data-feature")!);
        Assert.Equal(6 * 2, values[0], 1e-12);
    }

    [Fact]
    public void Summary_plot_has_one_dot_per_row_per_feature_in_importance_order()
    {
        var explanation = Explain(5);
        var features = Bars(SvgPlots.Summary(explanation), "feature");
        Assert.Equal("late", (string)features[0].Attribute("data-feature")!);
        var values = features.Select(Value).ToArray();
        Assert.Equal(values.OrderByDescending(v => v), values);
        foreach (var feature in features)
        {
            Assert.Equal(5, feature.Elements(Svg + "circle").Count());
        }
    }
}
