using NexusZero.Proofs;

namespace NexusZero.Cli.Commands;

/// <summary>Reads proof files without trusting their size.</summary>
internal static class ProofFiles
{
    // Header, four length fields and the three variable fields at their limits: no valid envelope is longer.
    private const int FixedOverhead = 64;

    /// <summary>Reads <paramref name="path"/>, refusing a file longer than any envelope <paramref name="limits"/> allows before reading it.</summary>
    /// <exception cref="FormatException">The file is too large to be an envelope.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadEnvelope(string path, EnvelopeLimits limits)
    {
        var maxLength = (long)FixedOverhead + limits.MaxStatementLength + limits.MaxContextLength + limits.MaxPayloadLength;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > maxLength)
        {
            throw new FormatException($"{path}: {stream.Length} bytes is larger than any proof envelope ({maxLength} bytes at most).");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
