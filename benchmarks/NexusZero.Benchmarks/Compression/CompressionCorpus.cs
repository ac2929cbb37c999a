using System.Security.Cryptography;
using System.Text;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;

namespace NexusZero.Benchmarks.Compression;

/// <summary>
/// The three inputs the compression benchmarks and benchmarks/scripts/compare-lz4.sh measure:
/// English-like text, incompressible bytes and a batch of real serialized proof envelopes.
/// Text and random bytes are deterministic; proofs carry fresh nonces, so the script compares
/// against the lz4 tool on the files one run wrote.
/// </summary>
public static class CompressionCorpus
{
    /// <summary>The corpus names, as used in benchmark parameters and file names.</summary>
    public static readonly string[] Names = ["text", "random", "proofs"];

    /// <summary>Bytes per generated corpus.</summary>
    public const int Length = 1 << 20;

    /// <summary>Environment variable naming a directory to write the corpus files (and our frames of them) into.</summary>
    public const string ExportVariable = "NEXUSZERO_COMPRESSION_CORPUS";

    /// <summary>Environment variable narrowing the corpora benchmarked, comma-separated.</summary>
    public const string SelectVariable = "NEXUSZERO_COMPRESSION_CORPORA";

    /// <summary>Generates one corpus.</summary>
    public static byte[] Create(string name) => name switch
    {
        "text" => EnglishLikeText(Length, seed: 1),
        "random" => RandomBytes(Length, seed: 2),
        "proofs" => ProofEnvelopes(count: 2048),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown corpus."),
    };

    /// <summary>
    /// Sentences of common English words drawn with a Zipf-like bias, capitalized and punctuated, in
    /// paragraphs: compresses with LZ4 roughly as prose does.
    /// </summary>
    public static byte[] EnglishLikeText(int length, int seed)
    {
        string[] words =
        [
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
            "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they",
            "you", "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when",
            "will", "would", "who", "so", "no", "she", "other", "its", "may", "these", "what", "them", "than",
            "some", "him", "time", "into", "only", "do", "could", "new", "about", "two", "first", "then", "also",
            "any", "like", "our", "over", "such", "my", "made", "after", "most", "should", "people", "between",
            "proof", "verifier", "statement", "commitment", "challenge", "response", "witness", "software",
            "license", "copy", "distribute", "modify", "program", "terms", "conditions", "work", "source",
            "code", "permission", "notice", "warranty", "without", "including", "limited", "purpose", "right",
            "under", "version", "public", "general", "free", "foundation", "library", "object", "form",
        ];
        var random = new Random(seed);
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            var sentenceLength = random.Next(4, 18);
            for (var i = 0; i < sentenceLength; i++)
            {
                // Squaring a uniform draw favours the front of the list, as word frequencies do.
                var u = random.NextDouble();
                var word = words[(int)(u * u * words.Length)];
                text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                text.Append(i == sentenceLength - 1 ? "" : random.Next(9) == 0 ? ", " : " ");
            }

            text.Append(random.Next(6) == 0 ? ".\n\n" : ". ");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    /// <summary>Seeded pseudo-random bytes: nothing to find for any compressor.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Real Schnorr proof envelopes over ristretto255 (uncompressed), concatenated.</summary>
    public static byte[] ProofEnvelopes(int count)
    {
        var api = new NexuszeroApi(ProtocolConfig.Fast());
        var group = Ristretto255Group.Instance;
        using var output = new MemoryStream();
        Span<byte> wide = stackalloc byte[64];
        for (var i = 0; i < count; i++)
        {
            RandomNumberGenerator.Fill(wide);
            var secret = group.ScalarFromUniformBytes(wide);
            var envelope = api.ProveDiscreteLog(group.MultiplyBase(secret), secret, Encoding.ASCII.GetBytes($"benchmark context {i}")).ToBytes();
            output.Write(envelope);
        }

        return output.ToArray();
    }
}
