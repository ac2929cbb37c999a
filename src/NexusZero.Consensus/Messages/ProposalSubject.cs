using NexusZero.Consensus.Canonical;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// What validators judge, reduced to digests: the proof envelope's SHA-256, the model id, the model output's
/// SHA-256 and the explanation digest (<see cref="ProposalContent.ComputeExplanationDigest(IReadOnlyDictionary{string, double}, ReadOnlySpan{byte})"/>).
/// </summary>
public sealed class ProposalSubject
{
    /// <summary>The length of each digest.</summary>
    public const int DigestSize = 32;

    /// <summary>The longest model id, in UTF-8 bytes.</summary>
    public const int MaxModelIdBytes = 128;

    private readonly byte[] _envelopeHash;
    private readonly byte[] _outputHash;
    private readonly byte[] _explanationDigest;

    /// <summary>Creates a subject.</summary>
    /// <param name="modelId">1 to 128 UTF-8 bytes.</param>
    /// <param name="envelopeHash">32 bytes.</param>
    /// <param name="outputHash">32 bytes.</param>
    /// <param name="explanationDigest">32 bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public ProposalSubject(string modelId, ReadOnlySpan<byte> envelopeHash, ReadOnlySpan<byte> outputHash, ReadOnlySpan<byte> explanationDigest)
    {
        ValidateModelId(modelId);
        RequireDigest(envelopeHash, nameof(envelopeHash));
        RequireDigest(outputHash, nameof(outputHash));
        RequireDigest(explanationDigest, nameof(explanationDigest));
        ModelId = modelId;
        _envelopeHash = envelopeHash.ToArray();
        _outputHash = outputHash.ToArray();
        _explanationDigest = explanationDigest.ToArray();
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>SHA-256 of the proof envelope bytes.</summary>
    public ReadOnlySpan<byte> EnvelopeHash => _envelopeHash;

    /// <summary>SHA-256 of the model output bytes.</summary>
    public ReadOnlySpan<byte> OutputHash => _outputHash;

    /// <summary>The explanation digest.</summary>
    public ReadOnlySpan<byte> ExplanationDigest => _explanationDigest;

    /// <summary>True when both subjects have the same model id and digests.</summary>
    /// <param name="other">The other subject.</param>
    /// <returns>True when equal.</returns>
    public bool SameAs(ProposalSubject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(ModelId, other.ModelId, StringComparison.Ordinal)
            && EnvelopeHash.SequenceEqual(other.EnvelopeHash)
            && OutputHash.SequenceEqual(other.OutputHash)
            && ExplanationDigest.SequenceEqual(other.ExplanationDigest);
    }

    internal static void ValidateModelId(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var count = System.Text.Encoding.UTF8.GetByteCount(modelId);
        if (count is 0 or > MaxModelIdBytes)
        {
            throw new ArgumentException($"A model id is 1 to {MaxModelIdBytes} UTF-8 bytes; got {count}.", nameof(modelId));
        }
    }

    internal void Write(CanonicalWriter writer)
    {
        writer.WriteString8(ModelId);
        writer.WriteBytes(_envelopeHash);
        writer.WriteBytes(_outputHash);
        writer.WriteBytes(_explanationDigest);
    }

    internal static ProposalSubject Read(ref CanonicalReader reader)
    {
        var modelId = reader.ReadString8("model id", MaxModelIdBytes);
        if (modelId.Length == 0)
        {
            throw new FormatException("model id: empty.");
        }

        var envelope = reader.ReadBytes(DigestSize, "envelope hash");
        var output = reader.ReadBytes(DigestSize, "output hash");
        var explanation = reader.ReadBytes(DigestSize, "explanation digest");
        return new ProposalSubject(modelId, envelope, output, explanation);
    }

    private static void RequireDigest(ReadOnlySpan<byte> digest, string name)
    {
        if (digest.Length != DigestSize)
        {
            throw new ArgumentException($"{name} must be {DigestSize} bytes; got {digest.Length}.", name);
        }
    }
}
