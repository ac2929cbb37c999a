using System.CommandLine;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Pipeline;

namespace NexusZero.Cli.Commands;

/// <summary>Options and value parsing shared by the classical `prove` subcommands (dleq, range).</summary>
internal static class ClassicalCliValues
{
    /// <summary>`--group ristretto255|secp256k1` (default ristretto255).</summary>
    public static Option<string> GroupOption() => new("--group")
    {
        Description = "The group: ristretto255 (scalars 32 bytes little-endian, points 32 bytes) or secp256k1 (scalars 32 bytes big-endian, SEC1 compressed points, 33 bytes).",
        DefaultValueFactory = _ => "ristretto255",
    };

    /// <summary>The group named on the command line.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static IPrimeOrderGroup Group(string name) => name.ToLowerInvariant() switch
    {
        "ristretto255" => PrimeOrderGroups.Get(GroupId.Ristretto255),
        "secp256k1" => PrimeOrderGroups.Get(GroupId.Secp256k1),
        _ => throw new ArgumentException($"--group: unknown group '{name}' (ristretto255 or secp256k1)."),
    };

    /// <summary>A canonical scalar from hex; the decoded bytes are zeroed.</summary>
    /// <exception cref="FormatException">Not hex or not a canonical scalar of the group.</exception>
    public static GroupScalar Scalar(IPrimeOrderGroup group, string hex, string option)
    {
        var bytes = Hex(hex, option);
        try
        {
            return group.TryDecodeScalar(bytes, out var scalar)
                ? scalar
                : throw new FormatException($"{option}: not a canonical {group.Name} scalar ({group.ScalarLength} bytes, below the group order).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>A canonical, non-identity element from hex.</summary>
    /// <exception cref="FormatException">Not hex, not canonical, or the identity.</exception>
    public static GroupElement Element(IPrimeOrderGroup group, string hex, string option) =>
        group.TryDecodeElement(Hex(hex, option), out var element) && !element.IsIdentity
            ? element
            : throw new FormatException($"{option}: not a canonical, non-identity {group.Name} element ({group.ElementLength} bytes).");

    /// <summary>Writes the envelope and prints its size and timings.</summary>
    public static void WriteProof(ProofResult result, string outPath, bool force, TextWriter output)
    {
        var bytes = result.ToBytes();
        OutputFile.Write(outPath, force, "--out", bytes);
        var metrics = result.Metrics;
        output.WriteLine($"proof:          {bytes.Length} bytes ({metrics.OriginalPayloadSize}-byte payload, codec {metrics.Codec}) written to {outPath}");
        output.WriteLine($"time:           {metrics.TotalDuration.TotalMilliseconds:F3} ms");
    }

    private static byte[] Hex(string hex, string option)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"{option}: not a hexadecimal string.");
        }
    }
}
