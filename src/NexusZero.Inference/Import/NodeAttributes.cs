using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>A node's attributes by name, with the ONNX defaults supplied by the caller; unknown attributes are refused.</summary>
internal sealed class NodeAttributes
{
    private readonly Dictionary<string, AttributeProto> _attributes = [];
    private readonly string _node;

    public NodeAttributes(NodeProto node, params string[] known)
    {
        _node = Describe(node);
        foreach (var attribute in node.Attribute)
        {
            if (!known.Contains(attribute.Name))
            {
                throw new NotSupportedException($"{_node} has attribute '{attribute.Name}', which this importer does not support.");
            }

            if (!_attributes.TryAdd(attribute.Name, attribute))
            {
                throw new FormatException($"{_node} has attribute '{attribute.Name}' twice.");
            }
        }
    }

    public static string Describe(NodeProto node) => $"Node '{node.Name}' ({node.OpType})";

    public long Int(string name, long fallback) => _attributes.TryGetValue(name, out var a) ? a.I : fallback;

    public double Float(string name, double fallback) => _attributes.TryGetValue(name, out var a) ? a.F : fallback;

    public string String(string name, string fallback) => _attributes.TryGetValue(name, out var a) ? a.S.ToStringUtf8() : fallback;

    public long[]? Ints(string name, int maxCount)
    {
        if (!_attributes.TryGetValue(name, out var a))
        {
            return null;
        }

        if (a.Ints.Count > maxCount)
        {
            throw new FormatException($"{_node}: attribute '{name}' has {a.Ints.Count} values; at most {maxCount} are expected.");
        }

        return [.. a.Ints];
    }

    public void RequireInt(string name, long expected, string why)
    {
        var value = Int(name, expected);
        if (value != expected)
        {
            throw new NotSupportedException($"{_node}: {name} = {value} is not supported ({why}).");
        }
    }
}
