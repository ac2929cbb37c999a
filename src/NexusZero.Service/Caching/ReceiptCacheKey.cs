using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NexusZero.Service.Caching;

/// <summary>
/// Names one cached result: the model's commitment, the SHA-256 of the canonical input encoding, the
/// level asked for and the explainer's seed. The key is a digest of all four, so two requests share a
/// cache entry exactly when they would compute the same result.
/// </summary>
public sealed class ReceiptCacheKey : IEquatable<ReceiptCacheKey>
{
    private const string Prefix = "nexuszero:receipt:v1:";
    private static ReadOnlySpan<byte> DomainLabel => "NexusZero.Service.ReceiptCacheKey.v1"u8;

    /// <summary>Builds the key.</summary>
    /// <param name="modelCommitment">The model's commitment (what its verifying key pins).</param>
    /// <param name="canonicalInput">The canonical encoding of the input; it is hashed, not kept.</param>
    /// <param name="level">What the request asked for.</param>
    /// <param name="explainerSeed">The explainer's seed (0 when the level has no explanation).</param>
    public ReceiptCacheKey(ReadOnlySpan<byte> modelCommitment, ReadOnlySpan<byte> canonicalInput, InferenceLevel level, ulong explainerSeed)
    {
        if (modelCommitment.IsEmpty)
        {
            throw new ArgumentException("The model commitment is empty.", nameof(modelCommitment));
        }

        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown inference level.");
        }

        Level = level;
        ExplainerSeed = explainerSeed;
        InputDigest = SHA256.HashData(canonicalInput);

        // Length-prefixed fields under a domain label: no two distinct (commitment, input, level, seed)
        // tuples encode the same bytes.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> scratch = stackalloc byte[8];
        hash.AppendData(DomainLabel);
        BinaryPrimitives.WriteUInt32BigEndian(scratch, (uint)modelCommitment.Length);
        hash.AppendData(scratch[..4]);
        hash.AppendData(modelCommitment);
        hash.AppendData(InputDigest);
        scratch[0] = (byte)level;
        hash.AppendData(scratch[..1]);
        BinaryPrimitives.WriteUInt64BigEndian(scratch, explainerSeed);
        hash.AppendData(scratch);
        Value = Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The key as stored: <c>nexuszero:receipt:v1:</c> and 64 lowercase hex digits.</summary>
    public string Value { get; }

    /// <summary>SHA-256 of the canonical input encoding.</summary>
    public byte[] InputDigest { get; }

    /// <summary>The level asked for.</summary>
    public InferenceLevel Level { get; }

    /// <summary>The explainer's seed.</summary>
    public ulong ExplainerSeed { get; }

    /// <inheritdoc />
    public bool Equals(ReceiptCacheKey? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ReceiptCacheKey);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
