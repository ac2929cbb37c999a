using System.Globalization;
using System.Xml.Linq;

namespace NexusZero.Explainability.Plots;

/// <summary>
/// Dependency-free SVG plots in the style of shap's: a waterfall for one row, a bar chart of mean |attribution|, and a
/// beeswarm-style summary over many rows. Every bar is a &lt;g class="bar"&gt; carrying data-feature and data-value,
/// listed top to bottom in display order, so the output can be checked by parsing it.
/// </summary>
public static class SvgPlots
{
    private const double Width = 760;
    private const double LabelWidth = 230;
    private const double RightMargin = 90;
    private const double RowHeight = 26;
    private const double Top = 40;
    private const double Bottom = 50;

    /// <summary>
    /// A waterfall for one row: starting at the base value at the bottom, each feature's bar moves the output by its
    /// attribution, largest |attribution| at the top ending at the reconstructed output; features beyond
    /// <paramref name="maxDisplay"/> − 1 are folded into one "N other features" bar.
    /// </summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="row">The row.</param>
    /// <param name="output">The output.</param>
    /// <param name="maxDisplay">Most bars drawn (at least 2).</param>
    /// <returns>The SVG text.</returns>
    public static string Waterfall(Explanation explanation, int row = 0, int output = 0, int maxDisplay = 10)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDisplay, 2);
        var values = explanation.GetValues(row, output);
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => Math.Abs(values[i])).ThenBy(i => i).ToList();
        var bars = new List<(string Label, string Feature, double Value)>();
        int shown = order.Count <= maxDisplay ? order.Count : maxDisplay - 1;
        foreach (int i in order.Take(shown))
        {
            double data = explanation.GetData(row, i);
            string label = double.IsNaN(data) ? explanation.FeatureNames[i] : $"{explanation.FeatureNames[i]} = {SvgCanvas.V(data)}";
            bars.Add((label, explanation.FeatureNames[i], values[i]));
        }

        if (order.Count > shown)
        {
            double rest = order.Skip(shown).Sum(i => values[i]);
            bars.Add(($"{order.Count - shown} other features", "(other)", rest));
        }

        double baseValue = explanation.GetBaseValue(row, output);
        double final = explanation.GetReconstructedOutput(row, output);
        var ends = new double[bars.Count + 1];
        ends[bars.Count] = baseValue;
        for (int b = bars.Count - 1; b >= 0; b--)
        {
            ends[b] = ends[b + 1] + bars[b].Value;
        }

        double lo = Math.Min(ends.Min(), Math.Min(baseValue, final));
        double hi = Math.Max(ends.Max(), Math.Max(baseValue, final));
        var scale = new Scale(lo, hi);
        double height = Top + (bars.Count * RowHeight) + Bottom;
        var canvas = new SvgCanvas(Width, height, $"Waterfall: {explanation.Method}, row {row}, {explanation.OutputNames[output]}");
        canvas.Add(SvgCanvas.Text(Width / 2, 20, $"f(x) = {SvgCanvas.V(final)}", "middle", cssClass: "final"));
        var group = SvgCanvas.Group("bars");
        for (int b = 0; b < bars.Count; b++)
        {
            double y = Top + (b * RowHeight);
            double start = ends[b + 1];
            double end = ends[b];
            double x0 = scale.X(Math.Min(start, end));
            double x1 = scale.X(Math.Max(start, end));
            string color = bars[b].Value >= 0 ? SvgCanvas.Positive : SvgCanvas.Negative;
            var bar = SvgCanvas.Group("bar",
                new XAttribute("data-feature", bars[b].Feature),
                new XAttribute("data-value", SvgCanvas.R(bars[b].Value)),
                SvgCanvas.Text(LabelWidth - 8, y + 17, bars[b].Label, "end", cssClass: "label"),
                SvgCanvas.Rect(x0, y + 4, x1 - x0, RowHeight - 8, color),
                SvgCanvas.Text(x1 + 4, y + 17, (bars[b].Value >= 0 ? "+" : "") + SvgCanvas.V(bars[b].Value), "start", color, "value"));
            group.Add(bar);
        }

        canvas.Add(group);
        double axisY = Top + (bars.Count * RowHeight) + 6;
        canvas.Add(SvgCanvas.Line(LabelWidth, axisY, Width - RightMargin, axisY, "#999"));
        canvas.Add(SvgCanvas.Line(scale.X(baseValue), Top, scale.X(baseValue), axisY, "#999", "3,3"));
        canvas.Add(SvgCanvas.Text(scale.X(baseValue), axisY + 18, $"E[f(X)] = {SvgCanvas.V(baseValue)}", "middle", cssClass: "base"));
        return canvas.ToString();
    }

    /// <summary>A bar chart of mean |attribution| per feature over all rows, largest first.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">The output.</param>
    /// <param name="maxDisplay">Most bars drawn.</param>
    /// <returns>The SVG text.</returns>
    public static string Bar(Explanation explanation, int output = 0, int maxDisplay = 10)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDisplay);
        var importance = MeanAbsolute(explanation, output);
        var order = Enumerable.Range(0, importance.Length).OrderByDescending(i => importance[i]).ThenBy(i => i).Take(maxDisplay).ToList();
        var scale = new Scale(0, order.Count > 0 ? importance[order[0]] : 1);
        double height = Top + (order.Count * RowHeight) + Bottom;
        var canvas = new SvgCanvas(Width, height, $"Mean |attribution|: {explanation.Method}, {explanation.OutputNames[output]}");
        var group = SvgCanvas.Group("bars");
        for (int b = 0; b < order.Count; b++)
        {
            int i = order[b];
            double y = Top + (b * RowHeight);
            group.Add(SvgCanvas.Group("bar",
                new XAttribute("data-feature", explanation.FeatureNames[i]),
                new XAttribute("data-value", SvgCanvas.R(importance[i])),
                SvgCanvas.Text(LabelWidth - 8, y + 17, explanation.FeatureNames[i], "end", cssClass: "label"),
                SvgCanvas.Rect(scale.X(0), y + 4, scale.X(importance[i]) - scale.X(0), RowHeight - 8, SvgCanvas.Negative),
                SvgCanvas.Text(scale.X(importance[i]) + 4, y + 17, SvgCanvas.V(importance[i]), "start", SvgCanvas.Negative, "value")));
        }

        canvas.Add(group);
        double axisY = Top + (order.Count * RowHeight) + 6;
        canvas.Add(SvgCanvas.Line(LabelWidth, axisY, Width - RightMargin, axisY, "#999"));
        canvas.Add(SvgCanvas.Text((LabelWidth + Width - RightMargin) / 2, axisY + 20, $"mean(|attribution|) over {explanation.RowCount} row(s)", "middle"));
        return canvas.ToString();
    }

    /// <summary>
    /// A beeswarm-style summary: one line per feature (largest mean |attribution| first), one dot per row at its
    /// attribution, stacked where dots collide and colored from blue (low feature value) to red (high), gray for groups.
    /// </summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="output">The output.</param>
    /// <param name="maxDisplay">Most features drawn.</param>
    /// <returns>The SVG text.</returns>
    public static string Summary(Explanation explanation, int output = 0, int maxDisplay = 20)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDisplay);
        const double SwarmRow = 34;
        var importance = MeanAbsolute(explanation, output);
        var order = Enumerable.Range(0, importance.Length).OrderByDescending(i => importance[i]).ThenBy(i => i).Take(maxDisplay).ToList();
        double lo = 0;
        double hi = 0;
        foreach (int i in order)
        {
            for (int r = 0; r < explanation.RowCount; r++)
            {
                lo = Math.Min(lo, explanation.GetValue(r, i, output));
                hi = Math.Max(hi, explanation.GetValue(r, i, output));
            }
        }

        var scale = new Scale(lo, hi);
        double height = Top + (order.Count * SwarmRow) + Bottom;
        var canvas = new SvgCanvas(Width, height, $"Summary: {explanation.Method}, {explanation.OutputNames[output]}");
        canvas.Add(SvgCanvas.Line(scale.X(0), Top - 6, scale.X(0), Top + (order.Count * SwarmRow), "#999"));
        var group = SvgCanvas.Group("features");
        for (int b = 0; b < order.Count; b++)
        {
            int i = order[b];
            double centre = Top + (b * SwarmRow) + (SwarmRow / 2);
            var data = Enumerable.Range(0, explanation.RowCount).Select(r => explanation.GetData(r, i)).ToArray();
            double dataLo = data.Where(d => !double.IsNaN(d)).DefaultIfEmpty(0).Min();
            double dataHi = data.Where(d => !double.IsNaN(d)).DefaultIfEmpty(0).Max();
            var feature = SvgCanvas.Group("feature",
                new XAttribute("data-feature", explanation.FeatureNames[i]),
                new XAttribute("data-value", SvgCanvas.R(importance[i])),
                SvgCanvas.Text(LabelWidth - 8, centre + 4, explanation.FeatureNames[i], "end", cssClass: "label"),
                SvgCanvas.Line(LabelWidth, centre, Width - RightMargin, centre, "#eee"));
            var stacks = new Dictionary<int, int>();
            for (int r = 0; r < explanation.RowCount; r++)
            {
                double x = scale.X(explanation.GetValue(r, i, output));
                int bucket = (int)Math.Round(x / 4);
                int depth = stacks.TryGetValue(bucket, out int d) ? d + 1 : 0;
                stacks[bucket] = depth;
                double offset = Math.Min(depth, 12) * 1.3 * (depth % 2 == 0 ? 1 : -1);
                string color = double.IsNaN(data[r]) ? "#777777" : Blend(dataHi > dataLo ? (data[r] - dataLo) / (dataHi - dataLo) : 0.5);
                var dot = SvgCanvas.Circle(x, centre + offset, 3, color);
                dot.Add(new XAttribute("class", "dot"), new XAttribute("data-value", SvgCanvas.R(explanation.GetValue(r, i, output))));
                feature.Add(dot);
            }

            group.Add(feature);
        }

        canvas.Add(group);
        double axisY = Top + (order.Count * SwarmRow) + 6;
        canvas.Add(SvgCanvas.Line(LabelWidth, axisY, Width - RightMargin, axisY, "#999"));
        canvas.Add(SvgCanvas.Text(LabelWidth, axisY + 18, SvgCanvas.V(lo), "start"));
        canvas.Add(SvgCanvas.Text(Width - RightMargin, axisY + 18, SvgCanvas.V(hi), "end"));
        canvas.Add(SvgCanvas.Text((LabelWidth + Width - RightMargin) / 2, axisY + 34, "attribution (color: feature value, blue low → red high)", "middle"));
        return canvas.ToString();
    }

    private static double[] MeanAbsolute(Explanation explanation, int output)
    {
        var importance = new double[explanation.FeatureCount];
        for (int r = 0; r < explanation.RowCount; r++)
        {
            for (int i = 0; i < importance.Length; i++)
            {
                importance[i] += Math.Abs(explanation.GetValue(r, i, output)) / explanation.RowCount;
            }
        }

        return importance;
    }

    private static string Blend(double t)
    {
        int r = (int)Math.Round(0x00 + (t * (0xff - 0x00)));
        int g = (int)Math.Round(0x8b + (t * (0x00 - 0x8b)));
        int b = (int)Math.Round(0xfb + (t * (0x51 - 0xfb)));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    /// <summary>Maps values to x pixels between the label column and the right margin, with 5% padding.</summary>
    private readonly struct Scale
    {
        private readonly double _lo;
        private readonly double _span;

        public Scale(double lo, double hi)
        {
            double pad = (hi - lo) * 0.05;
            if (hi - lo <= 0)
            {
                pad = Math.Max(Math.Abs(lo) * 0.1, 1e-9);
            }

            _lo = lo - pad;
            _span = hi + pad - _lo;
        }

        public double X(double value) => LabelWidth + ((value - _lo) / _span * (Width - LabelWidth - RightMargin));
    }
}
