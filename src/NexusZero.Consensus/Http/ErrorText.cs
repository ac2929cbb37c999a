using System.Text.Json;
using System.Text.RegularExpressions;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Turns exceptions into messages for people and peers: the field and the rule, without the runtime's
/// "(Parameter 'x')" and "Actual value was" suffixes or .NET type names, which mean nothing to an operator or
/// to an implementation in another language.
/// </summary>
internal static partial class ErrorText
{
    /// <summary>The message of an argument exception without the suffixes the runtime appends.</summary>
    public static string Of(ArgumentException ex)
    {
        var message = ex.Message;
        var actual = message.IndexOf("Actual value was", StringComparison.Ordinal);
        if (ex is ArgumentOutOfRangeException && actual >= 0)
        {
            message = message[..actual];
        }

        message = message.TrimEnd();
        var suffix = ex.ParamName is null ? null : $"(Parameter '{ex.ParamName}')";
        if (suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length].TrimEnd();
        }

        return message;
    }

    /// <summary>What is wrong with a JSON document, naming the member by its JSON path and never the .NET type.</summary>
    public static string Of(JsonException ex)
    {
        var path = ex.Path ?? "$";
        var message = ex.Message;
        var missing = MissingMembers().Match(message);
        if (missing.Success)
        {
            return $"{path}: missing required member(s) {missing.Groups[1].Value.TrimEnd('.')}.";
        }

        var unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            return $"{path}: unknown member '{unknown.Groups[1].Value}' (only the documented members are allowed).";
        }

        var converted = ConvertedTo().Match(message);
        if (converted.Success)
        {
            return $"{path}: {Expected(converted.Groups[1].Value, path)}.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.Ordinal))
        {
            return $"{path}: null is not allowed here.";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"{path}: a member appears twice.";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"{path}: nested too deeply.";
        }

        // Reader errors ("'}' is invalid after a value") name no types; keep their first sentence.
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var first = end < 0 ? message : message[..(end + 1)];
        return first.Contains("System.", StringComparison.Ordinal) || first.Contains("NexusZero.", StringComparison.Ordinal)
            ? $"{path}: not a valid value."
            : $"{path}: {first}";
    }

    // The generated metadata names the containing type, not the member's, so the rule is given by kind.
    private static string Expected(string type, string path) => type switch
    {
        _ when type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "must be an array",
        _ when type.StartsWith("System.Collections.Generic.Dictionary", StringComparison.Ordinal) => "must be an object of numbers",
        "System.String" => "must be a string",
        _ when path == "$" => "must be a JSON object",
        _ => "wrong JSON type, or a number out of range, for this member (docs/formats.md gives each member's type)",
    };

    [GeneratedRegex(@"missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"could not be converted to ([A-Za-z0-9_.`\[\], ]+?)\.( |$)")]
    private static partial Regex ConvertedTo();
}
