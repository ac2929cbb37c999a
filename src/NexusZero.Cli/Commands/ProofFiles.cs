using NexusZero.IO;
using NexusZero.Proofs;

namespace NexusZero.Cli.Commands;

/// <summary>Reads proof files without trusting their size.</summary>
internal static class ProofFiles
{
    // Header, four length fields and the three variable fields at their limits: no valid envelope is longer.
    private const int FixedOverhead = 64;

    /// <summary>Reads <paramref name="path"/>, stopping as soon as it is longer than any envelope <paramref name="limits"/> allows (a pipe or special file included).</summary>
    /// <exception cref="FormatException">The file is too large to be an envelope.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadEnvelope(string path, EnvelopeLimits limits)
    {
        var maxLength = (long)FixedOverhead + limits.MaxStatementLength + limits.MaxContextLength + limits.MaxPayloadLength;
        // Bounded by what is read, not by what the file claims: pipes, /dev/stdin and special files report no length.
        return BoundedFile.ReadAllBytes(path, maxLength, "proof file");
    }
}
