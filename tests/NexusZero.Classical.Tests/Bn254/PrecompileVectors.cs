using System.Text.Json;

namespace NexusZero.Classical.Tests.Bn254;

/// <summary>Loads go-ethereum's EIP-196/197 precompile test vectors (core/vm/testdata/precompiles), kept verbatim under Vectors/Bn254.</summary>
internal static class PrecompileVectors
{
    public sealed record Vector(string Name, byte[] Input, byte[] Expected);

    public static IReadOnlyList<Vector> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "Bn254", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(e => new Vector(
                e.GetProperty("Name").GetString()!,
                Convert.FromHexString(e.GetProperty("Input").GetString()!),
                Convert.FromHexString(e.GetProperty("Expected").GetString()!)))
            .ToList();
    }

    public static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var vector in Load(file))
        {
            data.Add(vector.Name);
        }

        return data;
    }

    /// <summary>The precompiles read their input as if right-padded with zeros to the length they need.</summary>
    public static byte[] Padded(byte[] input, int length)
    {
        var padded = new byte[Math.Max(length, input.Length)];
        input.CopyTo(padded, 0);
        return padded;
    }
}
