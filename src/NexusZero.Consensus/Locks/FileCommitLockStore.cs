using System.Globalization;
using System.Text;
using NexusZero.IO;

namespace NexusZero.Consensus.Locks;

/// <summary>
/// Commit locks kept in a file so they survive a restart. Every new lock rewrites the file as a temporary file
/// beside it, flushed to disk, then renamed over the old one, so a crash leaves either the old or the new set
/// of locks and never a torn one. Expired locks are dropped at each write; the file holds at most
/// <see cref="MaxLocks"/> lines (format in docs/formats.md, "Commit locks"). One store per file and per
/// process: two processes writing the same file would each overwrite the other's locks.
/// </summary>
public sealed class FileCommitLockStore : ICommitLockStore
{
    /// <summary>The most live locks held at once.</summary>
    public const int MaxLocks = 16384;

    /// <summary>The largest lock file read back: <see cref="MaxLocks"/> lines of at most 192 bytes.</summary>
    public const int MaxFileBytes = MaxLocks * 192;

    private const string Header = "nexuszero-commit-locks/1";

    private readonly string _path;
    private readonly CommitLockTable _table;

    /// <summary>Opens (or starts) a lock file.</summary>
    /// <param name="path">The lock file; created on the first lock.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock when null.</param>
    /// <exception cref="FormatException">The file exists but is not a lock file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public FileCommitLockStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _table = new CommitLockTable(timeProvider ?? TimeProvider.System, MaxLocks);
        if (File.Exists(_path))
        {
            Load(BoundedFile.ReadAllText(_path, MaxFileBytes, "commit lock file"));
        }
    }

    /// <inheritdoc />
    public byte[] LockOrGet(CommitLockKey key, ReadOnlySpan<byte> commitDigest, DateTimeOffset expiresAt) =>
        _table.LockOrGet(key, commitDigest, expiresAt, Write);

    private void Load(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new FormatException($"commit lock file: first line must be \"{Header}\".");
        }

        if (lines.Length - 1 > MaxLocks)
        {
            throw new FormatException($"commit lock file: more than {MaxLocks} locks.");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(' ');
            var keyParts = fields.Length == 3 ? fields[0].Split(':') : [];
            if (keyParts.Length != 3
                || !IsHex64(keyParts[0]) || !IsHex64(keyParts[1]) || !IsHex64(fields[1])
                || !ulong.TryParse(keyParts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var round)
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs)
                || expiresMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                throw new FormatException($"commit lock file: line {i + 1} is not \"setId:digest:round commitDigest expiresUnixMs\".");
            }

            _table.Restore(new CommitLockKey(keyParts[0], keyParts[1], round), Convert.FromHexString(fields[1]), DateTimeOffset.FromUnixTimeMilliseconds(expiresMs));
        }
    }

    private void Write(IReadOnlyDictionary<CommitLockKey, (byte[] Digest, DateTimeOffset ExpiresAt)> locks)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (key, held) in locks)
        {
            text.Append(key.ToString()).Append(' ').Append(Convert.ToHexStringLower(held.Digest)).Append(' ')
                .Append(held.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static bool IsHex64(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
