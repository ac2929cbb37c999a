using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.IO;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// One verifiable model output: the subject (model commitment, quantized input and output), the proof envelope,
/// the explanation and the quorum certificate over all of them, in one canonical encoding (docs/formats.md,
/// "Inference receipt"). Anyone checks it offline with <see cref="InferenceReceiptVerifier"/>, the pinned verifying
/// key and the validators' public keys. Parsing checks structure only; nothing here is trusted until verified.
/// </summary>
public sealed class InferenceReceipt
{
    /// <summary>The encoding's format version.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The largest encoded receipt the parser accepts.</summary>
    public const int MaxEncodedBytes = 16 * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "NZIR"u8;

    private readonly byte[] _envelope;

    /// <summary>Assembles a receipt (not checked here; see <see cref="InferenceReceiptVerifier"/>).</summary>
    /// <param name="subject">The inference the proof is about.</param>
    /// <param name="envelope">The proof envelope bytes (1 byte to <see cref="ProposalContent.MaxEnvelopeBytes"/>).</param>
    /// <param name="explanation">The explanation.</param>
    /// <param name="certificate">The quorum certificate over the proposal <see cref="ToProposalContent(InferenceSubject, ReadOnlySpan{byte}, ReceiptExplanation)"/> made.</param>
    /// <exception cref="ArgumentException">The envelope is empty or too large.</exception>
    public InferenceReceipt(InferenceSubject subject, ReadOnlySpan<byte> envelope, ReceiptExplanation explanation, QuorumCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(certificate);
        if (envelope.Length is 0 or > ProposalContent.MaxEnvelopeBytes)
        {
            throw new ArgumentException($"The envelope is {envelope.Length} bytes; a receipt holds 1 … {ProposalContent.MaxEnvelopeBytes}.", nameof(envelope));
        }

        Subject = subject;
        _envelope = envelope.ToArray();
        Explanation = explanation;
        Certificate = certificate;
    }

    /// <summary>The model commitment, input and output.</summary>
    public InferenceSubject Subject { get; }

    /// <summary>The proof envelope bytes.</summary>
    public ReadOnlySpan<byte> Envelope => _envelope;

    /// <summary>The explanation.</summary>
    public ReceiptExplanation Explanation { get; }

    /// <summary>The quorum certificate.</summary>
    public QuorumCertificate Certificate { get; }

    /// <summary>
    /// What validators judge for a receipt: model id <see cref="InferenceSubject.ModelId"/>, the envelope, the
    /// subject's bytes as the output, the explanation's metrics and its bytes. The certificate of a round on this
    /// content is the one a receipt needs.
    /// </summary>
    /// <param name="subject">The inference.</param>
    /// <param name="envelope">The proof envelope.</param>
    /// <param name="explanation">The explanation.</param>
    /// <returns>The proposal content.</returns>
    /// <exception cref="ArgumentException">The envelope is larger than a proposal carries.</exception>
    public static ProposalContent ToProposalContent(InferenceSubject subject, ReadOnlySpan<byte> envelope, ReceiptExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(explanation);
        return new ProposalContent(subject.ModelId, envelope.ToArray(), subject.ToBytes(), explanation.Metrics, explanation.ToBytes());
    }

    /// <summary>The digests this receipt's parts have, as a proposal subject: what its certificate must be about.</summary>
    /// <returns>The subject.</returns>
    public ProposalSubject ToProposalSubject() => ToProposalContent(Subject, _envelope, Explanation).ToSubject();

    /// <summary>Encodes the receipt.</summary>
    /// <returns>The canonical bytes.</returns>
    public byte[] ToBytes()
    {
        var subject = Subject.ToBytes();
        var explanation = Explanation.ToBytes();
        var certificate = Certificate.ToBytes();
        var writer = new ReceiptWriter(64 + subject.Length + _envelope.Length + explanation.Length + certificate.Length);
        writer.WriteBytes(Magic);
        writer.WriteByte(FormatVersion);
        writer.WriteBytes32(subject);
        writer.WriteBytes32(_envelope);
        writer.WriteBytes32(explanation);
        Explanation.WriteMetrics(writer);
        writer.WriteBytes32(certificate);
        return writer.ToArray();
    }

    /// <summary>Parses a receipt strictly: every length checked against its limit before use, no trailing bytes.</summary>
    /// <param name="bytes">The encoded receipt.</param>
    /// <returns>The receipt (nothing verified yet).</returns>
    /// <exception cref="FormatException">The bytes are not a canonical receipt; the message names the part and field.</exception>
    public static InferenceReceipt Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxEncodedBytes)
        {
            throw new FormatException($"receipt: {bytes.Length} bytes exceeds the limit of {MaxEncodedBytes}.");
        }

        var reader = new ReceiptReader(bytes);
        if (!reader.ReadBytes(4, "magic").SequenceEqual(Magic))
        {
            throw new FormatException("magic: not a NexusZero inference receipt (expected \"NZIR\").");
        }

        var version = reader.ReadByte("version");
        if (version != FormatVersion)
        {
            throw new FormatException($"version: {version} is not supported (expected {FormatVersion}).");
        }

        var subject = InferenceSubject.Parse(reader.ReadBytes32("subject", 1, ProposalContent.MaxOutputBytes));
        var envelope = reader.ReadBytes32("envelope", 1, ProposalContent.MaxEnvelopeBytes);
        var explanationBytes = reader.ReadBytes32("explanation", 1, ProposalContent.MaxExplanationBytes);
        var metrics = ReceiptExplanation.ReadMetrics(ref reader);
        var explanation = ReceiptExplanation.Parse(explanationBytes, metrics);
        var certificateBytes = reader.ReadBytes32("certificate", 1, QuorumCertificate.MaxEncodedBytes);
        QuorumCertificate certificate;
        try
        {
            certificate = QuorumCertificate.Parse(certificateBytes);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"certificate: {ex.Message}", ex);
        }

        reader.EnsureEnd("receipt");
        return new InferenceReceipt(subject, envelope, explanation, certificate);
    }

    /// <summary>Parses a receipt without throwing.</summary>
    /// <param name="bytes">The encoded receipt.</param>
    /// <param name="receipt">The receipt when parsing succeeded.</param>
    /// <param name="error">What was malformed when it failed.</param>
    /// <returns>True when the bytes are a canonical receipt.</returns>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out InferenceReceipt? receipt, out string? error)
    {
        try
        {
            receipt = Parse(bytes);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            receipt = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Reads and parses a receipt file, reading at most <see cref="MaxEncodedBytes"/> + 1 bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="FormatException">The file is too large or not a canonical receipt.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InferenceReceipt Load(string path) => Parse(BoundedFile.ReadAllBytes(path, MaxEncodedBytes, "receipt file"));
}
