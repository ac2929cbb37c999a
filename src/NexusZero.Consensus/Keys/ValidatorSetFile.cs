using NexusZero.IO;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Keys;

/// <summary>
/// A validator-set file: JSON with format <c>nexuszero-validator-set/1</c>, the epoch, the scheme name and the
/// members (id, base64 public key, optional weight, optional HTTP endpoint) (docs/formats.md).
/// </summary>
public sealed class ValidatorSetFile
{
    /// <summary>The format tag in every validator-set file.</summary>
    public const string Format = "nexuszero-validator-set/1";

    private const int MaxFileBytes = 1024 * 1024;

    private ValidatorSetFile(ValidatorSet set, IReadOnlyDictionary<string, Uri> endpoints)
    {
        ValidatorSet = set;
        Endpoints = endpoints;
    }

    /// <summary>The validator set.</summary>
    public ValidatorSet ValidatorSet { get; }

    /// <summary>The HTTP endpoints of the members that have one, by validator id.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; }

    /// <summary>Loads a validator-set file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The set and endpoints.</returns>
    /// <exception cref="FormatException">The file is not a valid validator-set file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ValidatorSetFile Load(string path)
    {
        // Bounded by what is read: /dev/zero, a pipe or a /proc entry claims no length and never ends.
        return Parse(BoundedFile.ReadAllBytes(path, MaxFileBytes, "validator-set file"));
    }

    /// <summary>Parses a validator-set file.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <returns>The set and endpoints.</returns>
    /// <exception cref="FormatException">Malformed JSON, unknown scheme, bad keys, duplicate ids or bad endpoints.</exception>
    public static ValidatorSetFile Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxFileBytes)
        {
            throw new FormatException($"validator-set file: larger than {MaxFileBytes} bytes.");
        }

        var message = WireFormat.Deserialize(json, ConsensusJsonContext.Default.SetFileMessage, "validator-set file");
        if (message.Format != Format)
        {
            throw new FormatException($"validator-set file: format must be \"{Format}\".");
        }

        if (!SignatureSchemes.TryGetByName(message.Scheme, out var scheme))
        {
            throw new FormatException($"validator-set file: unknown scheme \"{message.Scheme}\".");
        }

        if (message.Validators.Count is 0 or > ValidatorSet.MaxMembers)
        {
            throw new FormatException($"validator-set file: 1 to {ValidatorSet.MaxMembers} validators; got {message.Validators.Count}.");
        }

        try
        {
            var members = new List<ValidatorMember>();
            var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
            foreach (var entry in message.Validators)
            {
                members.Add(new ValidatorMember(entry.Id, WireFormat.Base64(entry.PublicKey, scheme.PublicKeySize, $"validator '{entry.Id}' publicKey"), entry.Weight));
                if (entry.Endpoint is not null)
                {
                    if (!Uri.TryCreate(entry.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    {
                        throw new FormatException($"validator '{entry.Id}': endpoint is not an absolute http(s) URI.");
                    }

                    endpoints[entry.Id] = uri;
                }
            }

            return new ValidatorSetFile(ValidatorSet.Create(message.Epoch, scheme, members), endpoints);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"validator-set file: {ErrorText.Of(ex)}", ex);
        }
    }

    /// <summary>Encodes a validator-set file.</summary>
    /// <param name="set">The set.</param>
    /// <param name="endpoints">Optional endpoints by validator id.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(ValidatorSet set, IReadOnlyDictionary<string, Uri>? endpoints = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var message = new SetFileMessage
        {
            Format = Format,
            Epoch = set.Epoch,
            Scheme = set.Scheme.Name,
            Validators = set.Members.Select(m => new SetFileMember
            {
                Id = m.Id,
                PublicKey = Convert.ToBase64String(m.PublicKey.Span),
                Weight = m.Weight,
                Endpoint = endpoints is not null && endpoints.TryGetValue(m.Id, out var uri) ? uri.ToString() : null,
            }).ToList(),
        };
        return WireFormat.Serialize(message, WireFormat.Readable.SetFileMessage);
    }
}
