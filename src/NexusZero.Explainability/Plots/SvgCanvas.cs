using System.Globalization;
using System.Xml.Linq;

namespace NexusZero.Explainability.Plots;

/// <summary>Builds SVG documents with System.Xml.Linq, so text is always escaped and the output always well-formed.</summary>
internal sealed class SvgCanvas
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public const string Positive = "#ff0051";
    public const string Negative = "#008bfb";

    private readonly XElement _root;

    public SvgCanvas(double width, double height, string title)
    {
        _root = new XElement(Ns + "svg",
            new XAttribute("width", F(width)),
            new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("font-family", "Helvetica, Arial, sans-serif"),
            new XAttribute("font-size", "12"),
            new XElement(Ns + "title", title),
            new XElement(Ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));
    }

    public void Add(XElement element) => _root.Add(element);

    public override string ToString() => new XDocument(new XDeclaration("1.0", "utf-8", null), _root).ToString(SaveOptions.None);

    public static XElement Group(string cssClass, params object[] content) => new(Ns + "g", new XAttribute("class", cssClass), content);

    public static XElement Rect(double x, double y, double width, double height, string fill) =>
        new(Ns + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", F(Math.Max(width, 0.5))), new XAttribute("height", F(height)), new XAttribute("fill", fill));

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, string? dash = null)
    {
        var line = new XElement(Ns + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)), new XAttribute("stroke", stroke));
        if (dash is not null)
        {
            line.Add(new XAttribute("stroke-dasharray", dash));
        }

        return line;
    }

    public static XElement Text(double x, double y, string text, string anchor = "start", string fill = "#333", string? cssClass = null)
    {
        var element = new XElement(Ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("text-anchor", anchor), new XAttribute("fill", fill), text);
        if (cssClass is not null)
        {
            element.Add(new XAttribute("class", cssClass));
        }

        return element;
    }

    public static XElement Circle(double cx, double cy, double r, string fill) =>
        new(Ns + "circle", new XAttribute("cx", F(cx)), new XAttribute("cy", F(cy)), new XAttribute("r", F(r)), new XAttribute("fill", fill));

    /// <summary>Coordinates with two decimals, invariant culture.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Values as people read them: four significant digits, invariant culture.</summary>
    public static string V(double value) => double.IsNaN(value) ? "" : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Values stored in data attributes, round-trippable.</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
