using System.Numerics;

namespace NexusZero.Tests.Groups;

/// <summary>Shared test inputs: vector files, seeded randomness and BigInteger references (tests only).</summary>
internal static class RistrettoTestData
{
    /// <summary>p = 2^255 − 19.</summary>
    internal static readonly BigInteger P = (BigInteger.One << 255) - 19;

    /// <summary>ℓ = 2^252 + 27742317777372353535851937790883648493.</summary>
    internal static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Non-comment, non-empty lines of a file under tests/NexusZero.Tests/Vectors, split on spaces.</summary>
    internal static IEnumerable<string[]> ReadVectorFile(string name)
    {
        var path = FindVectorFile(name);
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            yield return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    private static string FindVectorFile(string name)
    {
        // The vector files live in the source tree; walk up from the test binaries to find them.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Vectors", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "tests", "NexusZero.Tests", "Vectors", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Test vector file {name} not found above {AppContext.BaseDirectory}.");
    }

    internal static Random NewRandom(int seed) => new(seed);

    internal static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    internal static BigInteger ToBigInteger(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    internal static byte[] ToBytes(BigInteger value, int length)
    {
        var bytes = new byte[length];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    internal static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }
}
