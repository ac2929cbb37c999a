using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Compression;

namespace NexusZero.Proofs;

/// <summary>
/// The strict v1 envelope parser behind <see cref="ProofEnvelope.TryParse"/>. It validates every field
/// and every length before the single point where it copies the three variable fields out.
/// </summary>
internal static class ProofEnvelopeReader
{
    public static bool TryRead(
        ReadOnlySpan<byte> data,
        EnvelopeLimits limits,
        [NotNullWhen(true)] out ProofEnvelope? envelope,
        [NotNullWhen(false)] out string? error)
    {
        envelope = null;
        var magicLength = Math.Min(data.Length, ProofEnvelope.Magic.Length);
        if (!data[..magicLength].SequenceEqual(ProofEnvelope.Magic[..magicLength]))
        {
            error = "magic: the input does not start with \"NZPF\".";
            return false;
        }

        if (data.Length < ProofEnvelope.HeaderLength)
        {
            error = $"header: truncated ({data.Length} bytes, the header needs {ProofEnvelope.HeaderLength}).";
            return false;
        }

        var version = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        if (version != ProofEnvelope.FormatVersion)
        {
            error = $"format version: {version} is not supported (this library reads version {ProofEnvelope.FormatVersion}).";
            return false;
        }

        var proofSystem = (ProofSystemId)BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        if (!Enum.IsDefined(proofSystem))
        {
            error = $"proof-system id: 0x{(ushort)proofSystem:x4} is unknown.";
            return false;
        }

        var parameterSetId = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        var codec = (CompressionCodecId)data[10];
        if (!Enum.IsDefined(codec))
        {
            error = $"codec id: {data[10]} is unknown.";
            return false;
        }

        var rest = data[ProofEnvelope.HeaderLength..];
        if (!TryTakeField(ref rest, "statement", limits.MaxStatementLength, out var statement, out error)
            || !TryTakeField(ref rest, "context", limits.MaxContextLength, out var context, out error)
            || !TryTakeLength(ref rest, "uncompressed payload length", limits.MaxDecompressedPayloadLength, out var uncompressedLength, out error)
            || !TryTakeField(ref rest, "payload", limits.MaxPayloadLength, out var payload, out error))
        {
            return false;
        }

        if (codec == CompressionCodecId.None && uncompressedLength != payload.Length)
        {
            error = $"uncompressed payload length: {uncompressedLength} differs from the stored length {payload.Length} of an uncompressed payload.";
            return false;
        }

        if (!rest.IsEmpty)
        {
            error = $"trailing bytes: {rest.Length} bytes follow the payload.";
            return false;
        }

        envelope = new ProofEnvelope(proofSystem, parameterSetId, codec, statement, context, payload, uncompressedLength);
        error = null;
        return true;
    }

    private static bool TryTakeField(ref ReadOnlySpan<byte> rest, string name, int limit, out ReadOnlySpan<byte> field, [NotNullWhen(false)] out string? error)
    {
        field = default;
        if (!TryTakeLength(ref rest, name + " length", limit, out var length, out error))
        {
            return false;
        }

        if (rest.Length < length)
        {
            error = $"{name}: truncated ({length} bytes declared, {rest.Length} remain).";
            return false;
        }

        field = rest[..length];
        rest = rest[length..];
        return true;
    }

    private static bool TryTakeLength(ref ReadOnlySpan<byte> rest, string name, int limit, out int length, [NotNullWhen(false)] out string? error)
    {
        length = 0;
        if (rest.Length < 4)
        {
            error = $"{name}: truncated ({rest.Length} of 4 bytes).";
            return false;
        }

        var declared = BinaryPrimitives.ReadUInt32BigEndian(rest);
        if (declared > (uint)limit)
        {
            error = $"{name}: {declared} bytes exceeds the limit of {limit} bytes.";
            return false;
        }

        length = (int)declared;
        rest = rest[4..];
        error = null;
        return true;
    }
}
