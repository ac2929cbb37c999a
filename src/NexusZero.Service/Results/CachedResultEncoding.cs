using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Receipts;
using NexusZero.Service.Caching;

namespace NexusZero.Service.Results;

/// <summary>
/// The bytes a result is cached as (docs/formats.md, "Service cached result"): magic <c>NZSV</c>, version, level, the
/// subject, explanation, metrics, envelope and certificate (each length-prefixed, empty when the level lacks it), and for
/// the levels without a proof an HMAC-SHA256 tag under the service secret, bound to the cache key. Parsing is strict and
/// bounded; <see cref="CachedResultVerifier"/> decides whether a parsed value may be served.
/// </summary>
internal static class CachedResultEncoding
{
    public const byte Version = 1;
    public const int TagSize = 32;
    public const int MaxMetricNameBytes = ProposalContent.MaxMetricNameLength;

    private static ReadOnlySpan<byte> Magic => "NZSV"u8;

    private static ReadOnlySpan<byte> TagLabel => "NexusZero.Service.CachedResult.v1"u8;

    /// <summary>True for the levels whose cached value is authenticated by the tag rather than a proof.</summary>
    public static bool IsTagged(InferenceLevel level) => level < InferenceLevel.Proof;

    public static byte[] Encode(InferenceResult result, ReceiptCacheKey key, ReadOnlySpan<byte> secret)
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.WriteByte(Version);
        stream.WriteByte((byte)result.Level);
        WriteBytes32(stream, result.Subject.ToBytes());
        WriteBytes32(stream, result.Explanation?.ToBytes() ?? []);
        var metrics = result.Explanation?.Metrics ?? new Dictionary<string, double>();
        WriteUInt16(stream, metrics.Count);
        Span<byte> f64 = stackalloc byte[8];
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            stream.WriteByte((byte)nameBytes.Length);
            stream.Write(nameBytes);
            BinaryPrimitives.WriteDoubleBigEndian(f64, value);
            stream.Write(f64);
        }

        WriteBytes32(stream, result.Envelope ?? []);
        WriteBytes32(stream, result.Certificate?.ToBytes() ?? []);
        if (IsTagged(result.Level))
        {
            stream.WriteByte(TagSize);
            var body = stream.ToArray();
            stream.Write(Tag(secret, key, body));
        }
        else
        {
            stream.WriteByte(0);
        }

        return stream.ToArray();
    }

    /// <summary>HMAC-SHA256 under the secret over a label, the cache key and the value's bytes up to and including the tag-length byte.</summary>
    public static byte[] Tag(ReadOnlySpan<byte> secret, ReceiptCacheKey key, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(TagLabel);
        var keyBytes = Encoding.ASCII.GetBytes(key.Value);
        Span<byte> u16 = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(u16, (ushort)keyBytes.Length);
        hmac.AppendData(u16);
        hmac.AppendData(keyBytes);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>Parses strictly: magic, version, level, each length within its limit before it is read, no trailing bytes.</summary>
    /// <exception cref="FormatException">The bytes are not a canonical cached result; the message names the field.</exception>
    public static ParsedCachedResult Parse(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        if (bytes.Length < 6 || !bytes[..4].SequenceEqual(Magic))
        {
            throw new FormatException("magic: not a NexusZero cached result.");
        }

        if (bytes[4] != Version)
        {
            throw new FormatException($"version: {bytes[4]} is not supported.");
        }

        var level = (InferenceLevel)bytes[5];
        if (!Enum.IsDefined(level))
        {
            throw new FormatException($"level: {bytes[5]} is not a level.");
        }

        at = 6;
        var subject = InferenceSubject.Parse(ReadBytes32(bytes, ref at, "subject", ProposalContent.MaxOutputBytes));
        var explanationBytes = ReadBytes32(bytes, ref at, "explanation", ProposalContent.MaxExplanationBytes);
        var metricCount = ReadUInt16(bytes, ref at, "metric count");
        if (metricCount > ProposalContent.MaxMetrics)
        {
            throw new FormatException($"metric count: {metricCount} exceeds {ProposalContent.MaxMetrics}.");
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < metricCount; i++)
        {
            var nameLength = ReadSpan(bytes, ref at, 1, "metric name length")[0];
            if (nameLength is 0 or > MaxMetricNameBytes)
            {
                throw new FormatException($"metric {i}: name length {nameLength} is outside 1 … {MaxMetricNameBytes}.");
            }

            var name = Encoding.UTF8.GetString(ReadSpan(bytes, ref at, nameLength, "metric name"));
            var value = BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(bytes, ref at, 8, "metric value"));
            // One encoding per value: names strictly ascending (ordinal), which also rules out repeats.
            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
            {
                throw new FormatException($"metric {i}: names are not in strictly ascending order.");
            }

            metrics[name] = value;
            previous = name;
        }

        var envelope = ReadBytes32(bytes, ref at, "envelope", ProposalContent.MaxEnvelopeBytes).ToArray();
        var certificateBytes = ReadBytes32(bytes, ref at, "certificate", QuorumCertificate.MaxEncodedBytes);
        var tagLength = ReadSpan(bytes, ref at, 1, "tag length")[0];
        var bodyLength = at;
        if (tagLength is not (0 or TagSize))
        {
            throw new FormatException($"tag length: {tagLength} is neither 0 nor {TagSize}.");
        }

        var tag = ReadSpan(bytes, ref at, tagLength, "tag").ToArray();
        if (at != bytes.Length)
        {
            throw new FormatException($"cached result: {bytes.Length - at} trailing bytes.");
        }

        var explanation = explanationBytes.IsEmpty ? null : ReceiptExplanation.Parse(explanationBytes, metrics);
        if (explanation is null && metricCount != 0)
        {
            throw new FormatException("metrics: present without an explanation.");
        }

        var certificate = certificateBytes.IsEmpty ? null : QuorumCertificate.Parse(certificateBytes);
        var result = new InferenceResult(level, subject, explanation, envelope.Length == 0 ? null : envelope, certificate);
        return new ParsedCachedResult(result, bytes[..bodyLength].ToArray(), tag);
    }

    private static void WriteBytes32(Stream stream, ReadOnlySpan<byte> bytes)
    {
        Span<byte> u32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(u32, (uint)bytes.Length);
        stream.Write(u32);
        stream.Write(bytes);
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        Span<byte> u16 = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(u16, (ushort)value);
        stream.Write(u16);
    }

    private static ReadOnlySpan<byte> ReadSpan(ReadOnlySpan<byte> bytes, ref int at, int length, string field)
    {
        if (length > bytes.Length - at)
        {
            throw new FormatException($"{field}: needs {length} bytes but only {bytes.Length - at} remain.");
        }

        var span = bytes.Slice(at, length);
        at += length;
        return span;
    }

    private static int ReadUInt16(ReadOnlySpan<byte> bytes, ref int at, string field) => BinaryPrimitives.ReadUInt16BigEndian(ReadSpan(bytes, ref at, 2, field));

    private static ReadOnlySpan<byte> ReadBytes32(ReadOnlySpan<byte> bytes, ref int at, string field, int max)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(ReadSpan(bytes, ref at, 4, $"{field} length"));
        if (length > (uint)max)
        {
            throw new FormatException($"{field}: {length} bytes exceeds the limit of {max}.");
        }

        return ReadSpan(bytes, ref at, (int)length, field);
    }
}

/// <summary>A parsed cached value: the result, the bytes the tag covers, and the tag (empty for proof levels).</summary>
internal sealed record ParsedCachedResult(InferenceResult Result, byte[] TaggedBody, byte[] Tag);
