using System.Security.Cryptography;

namespace NexusZero.Cli.Commands;

/// <summary>
/// Writes every file the CLI produces: into an exclusively created, randomly named temporary file in the
/// target's folder, renamed over the target only once complete, so a failed run leaves nothing behind.
/// </summary>
/// <remarks>
/// The temporary is opened with <see cref="FileMode.CreateNew"/> (O_CREAT | O_EXCL), which refuses an
/// existing name and never follows a symbolic link planted there; its random name cannot be predicted.
/// The rename replaces the target's directory entry itself (a link at the target is replaced, not
/// followed). An existing target is refused unless the caller passed <c>--force</c>.
/// </remarks>
internal static class OutputFile
{
    /// <summary>Refuses a target that exists (a file, a folder or a link) unless <paramref name="force"/>.</summary>
    /// <exception cref="IOException">The target exists and <paramref name="force"/> is false.</exception>
    public static void EnsureWritable(string target, bool force, string option)
    {
        var info = new FileInfo(target);
        if (Directory.Exists(target))
        {
            throw new IOException($"{option}: '{target}' is a folder.");
        }

        if (!force && (info.Exists || info.LinkTarget is not null))
        {
            throw new IOException($"{option}: '{target}' already exists; pass --force to replace it.");
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="target"/>.</summary>
    /// <param name="target">The output path.</param>
    /// <param name="force">Whether an existing target may be replaced.</param>
    /// <param name="option">The option or argument naming the path, for messages.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="secret">Create the file readable and writable by its owner only (0600), for secrets.</param>
    public static void Write(string target, bool force, string option, ReadOnlySpan<byte> bytes, bool secret = false)
    {
        var copy = bytes.ToArray();
        try
        {
            Write(target, force, option, stream => stream.Write(copy), secret);
        }
        finally
        {
            if (secret)
            {
                CryptographicOperations.ZeroMemory(copy);
            }
        }
    }

    /// <summary>Writes what <paramref name="write"/> puts into the stream to <paramref name="target"/>.</summary>
    /// <param name="target">The output path.</param>
    /// <param name="force">Whether an existing target may be replaced.</param>
    /// <param name="option">The option or argument naming the path, for messages.</param>
    /// <param name="write">Writes the content; an exception leaves the target untouched and no temporary behind.</param>
    /// <param name="secret">Create the file readable and writable by its owner only (0600), for secrets.</param>
    public static void Write(string target, bool force, string option, Action<Stream> write, bool secret = false)
    {
        EnsureWritable(target, force, option);
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = secret
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: force);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
