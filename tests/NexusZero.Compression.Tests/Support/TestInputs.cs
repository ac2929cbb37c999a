using System.Text;

namespace NexusZero.Compression.Tests.Support;

/// <summary>Deterministic inputs of the shapes the codec must handle.</summary>
internal static class TestInputs
{
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Repetitive(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)("abcabcabd"[i % 9] + ((i / 4096) % 3));
        }

        return bytes;
    }

    /// <summary>English-like words from a small vocabulary with punctuation: compressible like prose.</summary>
    public static byte[] TextLike(int length, int seed)
    {
        string[] words =
        [
            "the", "proof", "verifier", "of", "and", "a", "statement", "is", "commitment", "to", "in",
            "challenge", "response", "that", "witness", "group", "element", "scalar", "for", "with",
            "transcript", "binding", "hiding", "zero", "knowledge", "protocol", "sound", "complete",
        ];
        var random = new Random(seed);
        var text = new StringBuilder(length + 32);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]);
            text.Append(random.Next(12) switch { 0 => ". ", 1 => ", ", 2 => "\n", _ => " " });
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    /// <summary>Mostly random bytes with runs and repeats: exercises every copy path of the decoder.</summary>
    public static byte[] Mixed(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        var i = 0;
        while (i < length)
        {
            var run = Math.Min(length - i, random.Next(1, 300));
            switch (random.Next(4))
            {
                case 0:
                    random.NextBytes(bytes.AsSpan(i, run));
                    break;
                case 1:
                    bytes.AsSpan(i, run).Fill((byte)random.Next(256));
                    break;
                default:
                    if (i > 0)
                    {
                        var distance = random.Next(1, Math.Min(i, 70000) + 1);
                        for (var k = 0; k < run; k++)
                        {
                            bytes[i + k] = bytes[i + k - distance];
                        }
                    }

                    break;
            }

            i += run;
        }

        return bytes;
    }
}
