using System.Buffers.Binary;
using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// NexusZero's own file for a Groth16 proving key (docs/formats.md, "Groth16 proving-key file"), so that a key made once
/// (by <see cref="Groth16DevelopmentSetup"/> or any other setup) is kept and shared: several service instances, or one
/// instance across restarts, then prove under the same verifying key. The file names the constraint system it was made
/// for by its R1CS digest, and the reader refuses a key for another circuit before it decodes a point, so a key of a
/// same-shaped circuit (another model with the same architecture) is never used by mistake.
/// </summary>
/// <remarks>
/// A proving key holds no secret (the setup's toxic waste is not in it), so the file needs integrity, not secrecy: a
/// trailing SHA-256 catches accidental corruption, and every point is decoded strictly (canonical coordinates, on the
/// curve, G2 points in the subgroup). A key whose points are valid but wrong still cannot make a false proof verify:
/// the verifier's pairing check is what decides, and the pipeline's verify-after-generation reports such a key.
/// </remarks>
public static class Groth16ProvingKeyFile
{
    /// <summary>The format's magic, 8 bytes: <c>NZG16PK</c> and the version byte 1.</summary>
    public static ReadOnlySpan<byte> Magic => "NZG16PK\u0001"u8;

    /// <summary>The most variables a key file may declare (the A, B and B₂ queries have one point each).</summary>
    public const int MaxVariables = 1 << 24;

    private const int DigestLength = 32;
    private const int G1Length = Bn254Encoding.G1Length;
    private const int G2Length = Bn254Encoding.G2Length;

    // magic, R1CS digest, u8 domain log, u32 × 4 (vk length, variables, private, H count)
    private const int HeaderLength = 8 + DigestLength + 1 + 16;

    /// <summary>Encodes <paramref name="key"/>, made for <paramref name="system"/>.</summary>
    /// <param name="key">The proving key.</param>
    /// <param name="system">The constraint system the key was made for (its digest goes into the file).</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The key does not fit the system's dimensions.</exception>
    public static byte[] Write(Groth16ProvingKey key, ConstraintSystem system)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(system);
        var expected = Expected(system);
        if (key.A1.Length != expected.Variables || key.B1.Length != expected.Variables || key.B2.Length != expected.Variables
            || key.L1.Length != expected.Private || key.H1.Length != expected.H || key.DomainLogSize != expected.DomainLog
            || key.VerifyingKey.PublicInputCount != system.PublicCount)
        {
            throw new ArgumentException("The proving key was made for a different constraint system.", nameof(key));
        }

        var vk = key.VerifyingKey.Encoded.Span;
        long length = Length(vk.Length, expected.Variables, expected.Private, expected.H);
        var bytes = new byte[checked((int)length)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        system.ComputeDigest().CopyTo(span[8..]);
        var offset = 8 + DigestLength;
        span[offset++] = (byte)key.DomainLogSize;
        foreach (var value in new[] { vk.Length, expected.Variables, expected.Private, expected.H })
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[offset..], (uint)value);
            offset += 4;
        }

        vk.CopyTo(span[offset..]);
        offset += vk.Length;
        foreach (var point in (ReadOnlySpan<G1Point>)[key.Alpha1, key.Beta1, key.Delta1])
        {
            WriteG1(span, ref offset, point);
        }

        WriteG1s(span, ref offset, key.A1);
        WriteG1s(span, ref offset, key.B1);
        foreach (var point in key.B2)
        {
            Bn254Encoding.EncodeG2(point, span.Slice(offset, G2Length));
            offset += G2Length;
        }

        WriteG1s(span, ref offset, key.L1);
        WriteG1s(span, ref offset, key.H1);
        SHA256.HashData(span[..offset], span[offset..]);
        return bytes;
    }

    /// <summary>
    /// Strictly decodes a key file for <paramref name="system"/>: the magic, the R1CS digest and every count are checked
    /// against the system and the bytes present before anything is allocated, then the checksum, then every point.
    /// </summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="system">The constraint system the key must be for.</param>
    /// <param name="key">The key, when the file is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the file is a valid key for the system.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public static bool TryRead(ReadOnlySpan<byte> file, ConstraintSystem system, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Groth16ProvingKey? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(system);
        key = null;
        if (file.Length < HeaderLength + DigestLength)
        {
            error = $"A proving-key file is at least {HeaderLength + DigestLength} bytes; this one has {file.Length}.";
            return false;
        }

        if (!file[..8].SequenceEqual(Magic))
        {
            error = "Not a NexusZero Groth16 proving-key file (magic NZG16PK, version 1).";
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(file.Slice(8, DigestLength), system.ComputeDigest()))
        {
            error = "The proving key was made for another constraint system (its R1CS digest differs).";
            return false;
        }

        var expected = Expected(system);
        var offset = 8 + DigestLength;
        int domainLog = file[offset++];
        var vkLength = BinaryPrimitives.ReadUInt32BigEndian(file[offset..]);
        var variables = BinaryPrimitives.ReadUInt32BigEndian(file[(offset + 4)..]);
        var privateCount = BinaryPrimitives.ReadUInt32BigEndian(file[(offset + 8)..]);
        var hCount = BinaryPrimitives.ReadUInt32BigEndian(file[(offset + 12)..]);
        offset += 16;
        if (domainLog != expected.DomainLog || variables != expected.Variables || privateCount != expected.Private || hCount != expected.H)
        {
            error = $"The file declares domain 2^{domainLog}, {variables} variables, {privateCount} private and {hCount} H points; the circuit needs 2^{expected.DomainLog}, {expected.Variables}, {expected.Private} and {expected.H}.";
            return false;
        }

        var expectedVk = 4 + G1Length + (3 * G2Length) + ((system.PublicCount + 1L) * G1Length);
        if (vkLength != expectedVk)
        {
            error = $"The verifying key of a circuit with {system.PublicCount} public inputs is {expectedVk} bytes; the file declares {vkLength}.";
            return false;
        }

        var total = Length((int)vkLength, expected.Variables, expected.Private, expected.H);
        if (file.Length != total)
        {
            error = $"A proving-key file for this circuit is {total} bytes; this one has {file.Length}.";
            return false;
        }

        var body = file[..^DigestLength];
        Span<byte> checksum = stackalloc byte[DigestLength];
        SHA256.HashData(body, checksum);
        if (!CryptographicOperations.FixedTimeEquals(checksum, file[^DigestLength..]))
        {
            error = "The proving-key file is corrupted (its SHA-256 checksum does not match).";
            return false;
        }

        if (!Groth16VerifyingKey.TryDecode(file.Slice(offset, (int)vkLength), out var verifyingKey, out var vkError))
        {
            error = $"verifying key: {vkError}";
            return false;
        }

        offset += (int)vkLength;
        if (!TryG1(file, ref offset, "alpha1", out var alpha1, out error)
            || !TryG1(file, ref offset, "beta1", out var beta1, out error)
            || !TryG1(file, ref offset, "delta1", out var delta1, out error)
            || !TryG1s(file, ref offset, "A", expected.Variables, out var a1, out error)
            || !TryG1s(file, ref offset, "B1", expected.Variables, out var b1, out error)
            || !TryG2s(file, ref offset, "B2", expected.Variables, out var b2, out error)
            || !TryG1s(file, ref offset, "L", expected.Private, out var l1, out error)
            || !TryG1s(file, ref offset, "H", expected.H, out var h1, out error))
        {
            return false;
        }

        key = new Groth16ProvingKey(verifyingKey, domainLog, alpha1, beta1, delta1, a1, b1, b2, l1, h1);
        return true;
    }

    /// <summary>Writes the key file atomically: to a temporary file beside it (owner-only where the platform has modes), then renamed over <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="key">The proving key.</param>
    /// <param name="system">The constraint system the key was made for.</param>
    /// <exception cref="ArgumentException">As <see cref="Write"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(string path, Groth16ProvingKey key, ConstraintSystem system) => Save(path, key, system, overwrite: true);

    /// <summary>
    /// Writes a new key file unless one exists: false when another writer's file is already there (then nothing is
    /// changed and the caller reads that one), so concurrent first starts settle on one key.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="key">The proving key.</param>
    /// <param name="system">The constraint system the key was made for.</param>
    /// <returns>True when this call created the file.</returns>
    /// <exception cref="ArgumentException">As <see cref="Write"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static bool TryCreate(string path, Groth16ProvingKey key, ConstraintSystem system)
    {
        try
        {
            Save(path, key, system, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static void Save(string path, Groth16ProvingKey key, ConstraintSystem system, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Write(key, system);
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Reads a key file for <paramref name="system"/>, refusing one larger than the circuit's key could be before reading it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="system">The constraint system the key must be for.</param>
    /// <returns>The proving key.</returns>
    /// <exception cref="FormatException">The file is not a valid key for the system; the message names the defect.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Groth16ProvingKey Load(string path, ConstraintSystem system)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(system);
        var expected = Expected(system);
        var vkLength = 4 + G1Length + (3 * G2Length) + ((system.PublicCount + 1) * G1Length);
        var limit = Length(vkLength, expected.Variables, expected.Private, expected.H);
        using var stream = File.OpenRead(path);
        if (stream.Length != limit)
        {
            throw new FormatException($"{path}: a proving-key file for this circuit is {limit} bytes; this one has {stream.Length}.");
        }

        var bytes = new byte[limit];
        stream.ReadExactly(bytes);
        return TryRead(bytes, system, out var key, out var error) ? key : throw new FormatException($"{path}: {error}");
    }

    private static (int Variables, int Private, int H, int DomainLog) Expected(ConstraintSystem system)
    {
        if (system.VariableCount > MaxVariables)
        {
            throw new ArgumentException($"The circuit has {system.VariableCount} variables; a proving-key file holds at most {MaxVariables}.", nameof(system));
        }

        var domain = Groth16Qap.Domain(system);
        return (system.VariableCount, system.VariableCount - system.PublicCount - 1, Math.Max(0, domain.Size - 1), domain.LogSize);
    }

    private static long Length(int vkLength, int variables, int privateCount, int h) =>
        HeaderLength + (long)vkLength + (3L * G1Length) + ((2L * variables) * G1Length) + ((long)variables * G2Length)
        + ((long)privateCount * G1Length) + ((long)h * G1Length) + DigestLength;

    private static void WriteG1(Span<byte> span, ref int offset, in G1Point point)
    {
        Bn254Encoding.EncodeG1(point, span.Slice(offset, G1Length));
        offset += G1Length;
    }

    private static void WriteG1s(Span<byte> span, ref int offset, G1Point[] points)
    {
        foreach (var point in points)
        {
            WriteG1(span, ref offset, point);
        }
    }

    private static bool TryG1(ReadOnlySpan<byte> file, ref int offset, string name, out G1Point point, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (!Bn254Encoding.TryDecodeG1(file.Slice(offset, G1Length), out point, out var inner))
        {
            error = $"{name}: {inner}";
            return false;
        }

        offset += G1Length;
        error = null;
        return true;
    }

    private static bool TryG1s(ReadOnlySpan<byte> file, ref int offset, string name, int count, out G1Point[] points, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        points = new G1Point[count];
        for (var i = 0; i < count; i++)
        {
            if (!TryG1(file, ref offset, $"{name}[{i}]", out points[i], out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryG2s(ReadOnlySpan<byte> file, ref int offset, string name, int count, out G2Point[] points, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        points = new G2Point[count];
        for (var i = 0; i < count; i++)
        {
            if (!Bn254Encoding.TryDecodeG2(file.Slice(offset, G2Length), out points[i], out var inner))
            {
                error = $"{name}[{i}]: {inner}";
                return false;
            }

            offset += G2Length;
        }

        error = null;
        return true;
    }
}
