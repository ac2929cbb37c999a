using System.Buffers.Binary;
using NexusZero.Compression;
using NexusZero.Proofs;

namespace NexusZero.Tests.Proofs;

public sealed class ProofEnvelopeTests
{
    private static readonly ProofEnvelope Sample = new(
        ProofSystemId.SchnorrDiscreteLog, 1, [0x01, 0xAA, 0xBB], "hello"u8, [1, 2, 3, 4]);

    [Fact]
    public void Golden_vector_keeps_parsing_to_the_same_fields_and_bytes()
    {
        var v = VectorFile.ReadFields("Proofs/envelope-v1-minimal.txt");
        var bytes = Convert.FromHexString(v["envelope"]);

        var envelope = ProofEnvelope.Parse(bytes);
        Assert.Equal(Convert.ToUInt16(v["proof-system"], 16), (ushort)envelope.ProofSystem);
        Assert.Equal(ushort.Parse(v["parameter-set"], System.Globalization.CultureInfo.InvariantCulture), envelope.ParameterSetId);
        Assert.Equal(byte.Parse(v["codec"], System.Globalization.CultureInfo.InvariantCulture), (byte)envelope.Codec);
        Assert.Equal(v["statement"], Convert.ToHexStringLower(envelope.Statement.Span));
        Assert.Equal(v["context"], Convert.ToHexStringLower(envelope.Context.Span));
        Assert.Equal(int.Parse(v["uncompressed-payload-length"], System.Globalization.CultureInfo.InvariantCulture), envelope.UncompressedPayloadLength);
        Assert.Equal(v["payload"], Convert.ToHexStringLower(envelope.Payload.Span));
        Assert.Equal(bytes, envelope.ToBytes());
        Assert.Equal(bytes, Sample.ToBytes());
    }

    [Fact]
    public void Round_trip_preserves_every_field()
    {
        var compressed = Sample.WithPayload(CompressionCodecId.Lz4, [9, 9, 9], 1000);
        foreach (var envelope in new[] { Sample, compressed, new ProofEnvelope(ProofSystemId.BulletproofsRange, 0xFFFF, [], [], []) })
        {
            var bytes = envelope.ToBytes();
            Assert.Equal(envelope.EncodedLength, bytes.Length);
            var parsed = ProofEnvelope.Parse(bytes);
            Assert.Equal(envelope.ProofSystem, parsed.ProofSystem);
            Assert.Equal(envelope.ParameterSetId, parsed.ParameterSetId);
            Assert.Equal(envelope.Codec, parsed.Codec);
            Assert.Equal(envelope.Statement.ToArray(), parsed.Statement.ToArray());
            Assert.Equal(envelope.Context.ToArray(), parsed.Context.ToArray());
            Assert.Equal(envelope.Payload.ToArray(), parsed.Payload.ToArray());
            Assert.Equal(envelope.UncompressedPayloadLength, parsed.UncompressedPayloadLength);
            Assert.Equal(bytes, parsed.ToBytes());
        }
    }

    [Fact]
    public void TryWrite_refuses_a_short_destination()
    {
        var buffer = new byte[Sample.EncodedLength - 1];
        Assert.False(Sample.TryWrite(buffer, out var written));
        Assert.Equal(0, written);
        Assert.True(Sample.TryWrite(new byte[Sample.EncodedLength + 5], out written));
        Assert.Equal(Sample.EncodedLength, written);
    }

    [Fact]
    public void Constructor_rejects_unknown_ids_and_inconsistent_lengths()
    {
        Assert.Throws<ArgumentException>(() => new ProofEnvelope((ProofSystemId)0x9999, 1, [], [], []));
        Assert.Throws<ArgumentException>(() => new ProofEnvelope(ProofSystemId.SchnorrDiscreteLog, 1, (CompressionCodecId)9, [], [], [], 0));
        Assert.Throws<ArgumentException>(() => new ProofEnvelope(ProofSystemId.SchnorrDiscreteLog, 1, CompressionCodecId.None, [], [], [1, 2], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProofEnvelope(ProofSystemId.SchnorrDiscreteLog, 1, CompressionCodecId.Lz4, [], [], [1, 2], -1));
    }

    [Fact]
    public void Envelope_copies_its_inputs()
    {
        var statement = new byte[] { 1, 2, 3 };
        var envelope = new ProofEnvelope(ProofSystemId.SchnorrDiscreteLog, 1, statement, [], []);
        statement[0] = 99;
        Assert.Equal(1, envelope.Statement.Span[0]);
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var bytes = Sample.ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(ProofEnvelope.TryParse(bytes.AsSpan(0, length), EnvelopeLimits.Default, out var envelope, out var error), $"prefix of {length} bytes parsed");
            Assert.Null(envelope);
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var error = Reject([.. Sample.ToBytes(), 0]);
        Assert.StartsWith("trailing bytes", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0x4E, "magic")]
    [InlineData(3, 0x47, "magic")]
    [InlineData(5, 0x00, "format version")]
    [InlineData(5, 0x02, "format version")]
    [InlineData(7, 0x00, "proof-system id")]
    [InlineData(6, 0xFF, "proof-system id")]
    [InlineData(10, 0x04, "codec id")]
    [InlineData(10, 0xFF, "codec id")]
    public void Header_defects_are_rejected_naming_the_field(int offset, byte value, string field)
    {
        var bytes = Sample.ToBytes();
        bytes[offset] = offset == 0 ? (byte)'X' : value;
        var error = Reject(bytes);
        Assert.StartsWith(field, error, StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => ProofEnvelope.Parse(bytes));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncompressed_payload_must_declare_its_own_length()
    {
        var bytes = Sample.ToBytes();
        var offset = bytes.Length - 4 - 4 - 4;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(offset), 5);
        Assert.StartsWith("uncompressed payload length", Reject(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statement", 0x7FFFFFFFu)]
    [InlineData("statement", 0xFFFFFFFFu)]
    [InlineData("context", 0x7FFFFFFFu)]
    [InlineData("uncompressed payload", 0xFFFFFFFFu)]
    [InlineData("payload", 0x7FFFFFFFu)]
    public void Oversized_length_fields_are_rejected_before_allocating(string field, uint declared)
    {
        var bytes = Sample.ToBytes();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(LengthOffset(field)), declared);

        ProofEnvelope.TryParse(bytes, EnvelopeLimits.Default, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = ProofEnvelope.TryParse(bytes, EnvelopeLimits.Default, out _, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(parsed);
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", error, StringComparison.Ordinal);
        Assert.True(allocated < 4096, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Huge_declared_lengths_under_huge_limits_fail_as_truncation_without_allocating()
    {
        var unlimited = new EnvelopeLimits
        {
            MaxStatementLength = int.MaxValue,
            MaxContextLength = int.MaxValue,
            MaxPayloadLength = int.MaxValue,
            MaxDecompressedPayloadLength = int.MaxValue,
        };
        var bytes = Sample.ToBytes();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(LengthOffset("statement")), 0x7FFFFFFF);

        ProofEnvelope.TryParse(bytes, unlimited, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(ProofEnvelope.TryParse(bytes, unlimited, out _, out var error));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4096);
        Assert.StartsWith("statement: truncated", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_inclusive_bounds()
    {
        var exact = new EnvelopeLimits { MaxStatementLength = 3, MaxContextLength = 5, MaxPayloadLength = 4, MaxDecompressedPayloadLength = 4 };
        Assert.True(ProofEnvelope.TryParse(Sample.ToBytes(), exact, out _, out _));

        Assert.StartsWith("statement length", Reject(Sample.ToBytes(), exact with { MaxStatementLength = 2 }), StringComparison.Ordinal);
        Assert.StartsWith("context length", Reject(Sample.ToBytes(), exact with { MaxContextLength = 4 }), StringComparison.Ordinal);
        Assert.StartsWith("payload length", Reject(Sample.ToBytes(), exact with { MaxPayloadLength = 3 }), StringComparison.Ordinal);
        Assert.StartsWith("uncompressed payload length", Reject(Sample.ToBytes(), exact with { MaxDecompressedPayloadLength = 3 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_refuse_negative_values_and_null()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnvelopeLimits { MaxPayloadLength = -1 });
        Assert.Throws<ArgumentNullException>(() => ProofEnvelope.TryParse(Sample.ToBytes(), null!, out _, out _));
        Assert.Equal(1 << 20, EnvelopeLimits.Default.MaxStatementLength);
    }

    private static string Reject(byte[] bytes, EnvelopeLimits? limits = null)
    {
        Assert.False(ProofEnvelope.TryParse(bytes, limits ?? EnvelopeLimits.Default, out var envelope, out var error));
        Assert.Null(envelope);
        return error;
    }

    // Offsets of the length fields in Sample's encoding (statement 3 bytes, context 5 bytes).
    private static int LengthOffset(string field) => field switch
    {
        "statement" => 11,
        "context" => 11 + 4 + 3,
        "uncompressed payload" => 11 + 4 + 3 + 4 + 5,
        "payload" => 11 + 4 + 3 + 4 + 5 + 4,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
