using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Compression;

namespace NexusZero.Proofs;

/// <summary>
/// A self-contained proof file, binary format v1: header (magic, format version, proof-system id,
/// parameter-set id, codec id), then the statement's canonical encoding, the context bytes and the
/// proof payload as stored (possibly compressed), each length-prefixed. All integers are big-endian
/// and fixed-width, so every envelope has exactly one encoding. Documented byte by byte in
/// docs/formats.md ("Proof envelope v1"). Instances are immutable.
/// </summary>
public sealed class ProofEnvelope
{
    /// <summary>The only format version this library reads and writes.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>Bytes before the statement length: magic 4, version 2, proof system 2, parameter set 2, codec 1.</summary>
    internal const int HeaderLength = 11;

    /// <summary>Bytes of the four length fields (statement, context, uncompressed payload, stored payload).</summary>
    internal const int LengthFieldsLength = 16;

    private readonly byte[] _statement;
    private readonly byte[] _context;
    private readonly byte[] _payload;

    /// <summary>Creates an envelope with an uncompressed proof payload (codec <see cref="CompressionCodecId.None"/>).</summary>
    /// <param name="proofSystem">The proof system that produced <paramref name="proof"/>.</param>
    /// <param name="parameterSetId">The parameter set's id within that proof system.</param>
    /// <param name="statement">The statement's canonical encoding.</param>
    /// <param name="context">The caller's context bytes bound into the proof (may be empty).</param>
    /// <param name="proof">The proof bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="proofSystem"/> is not a known id.</exception>
    public ProofEnvelope(ProofSystemId proofSystem, ushort parameterSetId, ReadOnlySpan<byte> statement, ReadOnlySpan<byte> context, ReadOnlySpan<byte> proof)
        : this(proofSystem, parameterSetId, CompressionCodecId.None, statement, context, proof, proof.Length)
    {
    }

    /// <summary>Creates an envelope whose payload is stored with <paramref name="codec"/>.</summary>
    /// <param name="proofSystem">The proof system that produced the proof.</param>
    /// <param name="parameterSetId">The parameter set's id within that proof system.</param>
    /// <param name="codec">How <paramref name="storedPayload"/> is encoded.</param>
    /// <param name="statement">The statement's canonical encoding.</param>
    /// <param name="context">The caller's context bytes bound into the proof (may be empty).</param>
    /// <param name="storedPayload">The proof bytes as stored (compressed unless the codec is none).</param>
    /// <param name="uncompressedPayloadLength">The proof's length after decompression; equals the stored length for codec none.</param>
    /// <exception cref="ArgumentException">An id is unknown, or the lengths are inconsistent.</exception>
    public ProofEnvelope(
        ProofSystemId proofSystem,
        ushort parameterSetId,
        CompressionCodecId codec,
        ReadOnlySpan<byte> statement,
        ReadOnlySpan<byte> context,
        ReadOnlySpan<byte> storedPayload,
        int uncompressedPayloadLength)
    {
        if (!Enum.IsDefined(proofSystem))
        {
            throw new ArgumentException($"Unknown proof-system id 0x{(ushort)proofSystem:x4}.", nameof(proofSystem));
        }

        if (!Enum.IsDefined(codec))
        {
            throw new ArgumentException($"Unknown codec id {(byte)codec}.", nameof(codec));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(uncompressedPayloadLength);
        if (codec == CompressionCodecId.None && uncompressedPayloadLength != storedPayload.Length)
        {
            throw new ArgumentException(
                $"An uncompressed payload of {storedPayload.Length} bytes must declare that length, not {uncompressedPayloadLength}.",
                nameof(uncompressedPayloadLength));
        }

        ProofSystem = proofSystem;
        ParameterSetId = parameterSetId;
        Codec = codec;
        _statement = statement.ToArray();
        _context = context.ToArray();
        _payload = storedPayload.ToArray();
        UncompressedPayloadLength = uncompressedPayloadLength;
    }

    /// <summary>The four magic bytes every envelope starts with: ASCII "NZPF".</summary>
    public static ReadOnlySpan<byte> Magic => "NZPF"u8;

    /// <summary>The proof system that produced the proof.</summary>
    public ProofSystemId ProofSystem { get; }

    /// <summary>The parameter set's id within <see cref="ProofSystem"/>.</summary>
    public ushort ParameterSetId { get; }

    /// <summary>How <see cref="Payload"/> is stored.</summary>
    public CompressionCodecId Codec { get; }

    /// <summary>The statement's canonical encoding.</summary>
    public ReadOnlyMemory<byte> Statement => _statement;

    /// <summary>The caller's context bytes bound into the proof.</summary>
    public ReadOnlyMemory<byte> Context => _context;

    /// <summary>The proof payload as stored (compressed unless <see cref="Codec"/> is none).</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>The proof's length after decompression; a decompressor must produce exactly this many bytes.</summary>
    public int UncompressedPayloadLength { get; }

    /// <summary>The length of <see cref="ToBytes"/>'s output.</summary>
    public int EncodedLength => HeaderLength + LengthFieldsLength + _statement.Length + _context.Length + _payload.Length;

    /// <summary>The same envelope with a different stored payload, e.g. after compression.</summary>
    /// <exception cref="ArgumentException">The codec is unknown or the lengths are inconsistent.</exception>
    public ProofEnvelope WithPayload(CompressionCodecId codec, ReadOnlySpan<byte> storedPayload, int uncompressedPayloadLength) =>
        new(ProofSystem, ParameterSetId, codec, _statement, _context, storedPayload, uncompressedPayloadLength);

    /// <summary>The v1 encoding.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[EncodedLength];
        TryWrite(bytes, out _);
        return bytes;
    }

    /// <summary>Writes the v1 encoding; false when <paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < EncodedLength)
        {
            return false;
        }

        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], FormatVersion);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)ProofSystem);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], ParameterSetId);
        destination[10] = (byte)Codec;
        var offset = HeaderLength;
        offset = WriteField(destination, offset, _statement);
        offset = WriteField(destination, offset, _context);
        BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], (uint)UncompressedPayloadLength);
        offset = WriteField(destination, offset + 4, _payload);
        bytesWritten = offset;
        return true;
    }

    /// <summary>
    /// Strictly parses a v1 envelope: every length is checked against <paramref name="limits"/> and
    /// against the remaining input before anything is allocated; unknown ids, truncation and trailing
    /// bytes are rejected.
    /// </summary>
    /// <param name="data">The envelope bytes.</param>
    /// <param name="limits">The bounds to enforce.</param>
    /// <param name="envelope">The envelope, when parsing succeeds.</param>
    /// <param name="error">What is wrong, naming the field, when parsing fails.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static bool TryParse(
        ReadOnlySpan<byte> data,
        EnvelopeLimits limits,
        [NotNullWhen(true)] out ProofEnvelope? envelope,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return ProofEnvelopeReader.TryRead(data, limits, out envelope, out error);
    }

    /// <summary>Parses a v1 envelope under <paramref name="limits"/> (<see cref="EnvelopeLimits.Default"/> when null).</summary>
    /// <exception cref="FormatException">The bytes are not a valid envelope; the message names the field.</exception>
    public static ProofEnvelope Parse(ReadOnlySpan<byte> data, EnvelopeLimits? limits = null)
    {
        if (!TryParse(data, limits ?? EnvelopeLimits.Default, out var envelope, out var error))
        {
            throw new FormatException($"Malformed proof envelope: {error}");
        }

        return envelope;
    }

    private static int WriteField(Span<byte> destination, int offset, ReadOnlySpan<byte> field)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], (uint)field.Length);
        field.CopyTo(destination[(offset + 4)..]);
        return offset + 4 + field.Length;
    }
}
