using System.Text;

namespace NexusZero.IO;

/// <summary>
/// Reads whole files with a hard byte limit that holds whatever the file claims to be.
/// </summary>
/// <remarks>
/// <see cref="FileInfo.Length"/> says nothing trustworthy about special files: <c>/dev/zero</c>, a
/// <c>/proc</c> entry or a pipe report 0 and then stream without end. These readers never trust a
/// length; they read in chunks and stop with a <see cref="FormatException"/> as soon as the content
/// exceeds the limit, so a hostile path costs at most <c>limit + 1</c> bytes of memory.
/// </remarks>
public static class BoundedFile
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Reads every byte of <paramref name="path"/>, refusing content longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file (regular, special, a pipe or <c>/dev/stdin</c>).</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="what">What the file is, for error messages ("model file", "validator set").</param>
    /// <returns>The content.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The content exceeds <paramref name="maxBytes"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentException.ThrowIfNullOrEmpty(what);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Capitalize(what)} '{path}' does not exist.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadAllBytes(stream, maxBytes, $"{what} '{path}'");
    }

    /// <summary>Reads a stream to its end, refusing content longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="stream">The stream; it is read, not disposed.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="what">What the content is, for error messages.</param>
    /// <returns>The content.</returns>
    /// <exception cref="FormatException">The content exceeds <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadAllBytes(Stream stream, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, (long)Array.MaxLength - 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            // Ask for at most one byte past the limit: enough to prove the content is too long.
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = stream.Read(chunk, 0, wanted);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new FormatException($"{Capitalize(what)} is longer than the limit of {maxBytes} bytes.");
            }
        }
    }

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 text, refusing more than <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="what">What the file is, for error messages.</param>
    /// <returns>The text, without a leading byte-order mark.</returns>
    /// <exception cref="FormatException">The content exceeds the limit or is not valid UTF-8.</exception>
    public static string ReadAllText(string path, long maxBytes, string what)
    {
        var bytes = ReadAllBytes(path, maxBytes, what);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException($"{Capitalize(what)} '{path}' is not valid UTF-8 text.");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string Capitalize(string what) => char.ToUpperInvariant(what[0]) + what[1..];
}
