using NexusZero.IO;
using System.Security.Cryptography;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Keys;

/// <summary>
/// Reads and writes a validator's private key file: JSON with format <c>nexuszero-validator-key/1</c>, the
/// validator id, scheme name, base64 public key and base64 private key (docs/formats.md). Files are created
/// readable by the owner only on Unix.
/// </summary>
public static class ValidatorKeyFile
{
    /// <summary>The format tag in every key file.</summary>
    public const string Format = "nexuszero-validator-key/1";

    private const int MaxFileBytes = 64 * 1024;

    /// <summary>Writes a key file, refusing to overwrite an existing file.</summary>
    /// <param name="path">Where to write.</param>
    /// <param name="validatorId">The validator id.</param>
    /// <param name="key">The key.</param>
    /// <exception cref="IOException">The file exists or cannot be written.</exception>
    public static void Save(string path, string validatorId, ISigningKey key)
    {
        var json = Serialize(validatorId, key);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(json);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>Encodes a key file. The result holds the private key: wipe it after use.</summary>
    /// <param name="validatorId">The validator id.</param>
    /// <param name="key">The key.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ArgumentException">The validator id is invalid or the key's scheme is not built in.</exception>
    public static byte[] Serialize(string validatorId, ISigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Validators.ValidatorMember.ValidateId(validatorId);
        if (!SignatureSchemes.TryGet(key.Scheme, out var scheme))
        {
            throw new ArgumentException($"Scheme {key.Scheme} has no file name.", nameof(key));
        }

        var privateKey = new byte[scheme.PrivateKeySize];
        try
        {
            key.ExportPrivateKey(privateKey);
            var message = new KeyFileMessage
            {
                Format = Format,
                ValidatorId = validatorId,
                Scheme = scheme.Name,
                PublicKey = Convert.ToBase64String(key.PublicKey.Span),
                PrivateKey = Convert.ToBase64String(privateKey),
            };
            return WireFormat.Serialize(message, WireFormat.Readable.KeyFileMessage);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>The member entry for a validator-set file: <c>{"id":…,"publicKey":…,"weight":1}</c>.</summary>
    /// <param name="validatorId">The validator id.</param>
    /// <param name="publicKey">The encoded public key.</param>
    /// <returns>One line of JSON.</returns>
    public static string FormatPublicEntry(string validatorId, ReadOnlySpan<byte> publicKey)
    {
        Validators.ValidatorMember.ValidateId(validatorId);
        var entry = new SetFileMember { Id = validatorId, PublicKey = Convert.ToBase64String(publicKey), Weight = 1 };
        return System.Text.Encoding.UTF8.GetString(WireFormat.Serialize(entry, WireFormat.Readable.SetFileMember));
    }

    /// <summary>Loads a key file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="validatorId">The validator id it names.</param>
    /// <returns>The key; dispose it when done.</returns>
    /// <exception cref="FormatException">The file is not a valid key file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ISigningKey Load(string path, out string validatorId)
    {
        // Bounded by what is read: /dev/zero, a pipe or a /proc entry claims no length and never ends.
        var bytes = BoundedFile.ReadAllBytes(path, MaxFileBytes, "key file");
        try
        {
            return Parse(bytes, out validatorId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Parses a key file and checks that the public key matches the private key.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <param name="validatorId">The validator id it names.</param>
    /// <returns>The key; dispose it when done.</returns>
    /// <exception cref="FormatException">The JSON is malformed, the scheme unknown, or the keys do not match.</exception>
    public static ISigningKey Parse(ReadOnlySpan<byte> json, out string validatorId)
    {
        if (json.Length > MaxFileBytes)
        {
            throw new FormatException($"key file: larger than {MaxFileBytes} bytes.");
        }

        var message = WireFormat.Deserialize(json, ConsensusJsonContext.Default.KeyFileMessage, "key file");
        if (message.Format != Format)
        {
            throw new FormatException($"key file: format must be \"{Format}\".");
        }

        if (!Validators.ValidatorMember.IsValidId(message.ValidatorId))
        {
            throw new FormatException("key file: validatorId is not a valid validator id.");
        }

        if (!SignatureSchemes.TryGetByName(message.Scheme, out var scheme))
        {
            throw new FormatException($"key file: unknown scheme \"{message.Scheme}\".");
        }

        var publicKey = WireFormat.Base64(message.PublicKey, scheme.PublicKeySize, "publicKey");
        var privateKey = WireFormat.Base64(message.PrivateKey, scheme.PrivateKeySize, "privateKey");
        try
        {
            var key = scheme.ImportPrivateKey(privateKey);
            if (!key.PublicKey.Span.SequenceEqual(publicKey))
            {
                key.Dispose();
                throw new FormatException("key file: publicKey does not belong to privateKey.");
            }

            validatorId = message.ValidatorId;
            return key;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"key file: privateKey: {ErrorText.Of(ex)}", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
