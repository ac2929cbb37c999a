using NexusZero.Compression;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;
using static NexusZero.Tests.Pipeline.PipelineFixture;

namespace NexusZero.Tests.Pipeline;

public sealed class ProofPipelineVerificationTests
{
    private static readonly FakeProofSystem System = new() { Padding = 40 };

    [Fact]
    public void ExpectedStatementMatches()
    {
        var pipeline = NewPipeline(System);

        Assert.True(pipeline.Verify(Prove(pipeline, System).ToBytes(), TheStatement).IsValid);
    }

    [Fact]
    public void OtherExpectedStatementIsAMismatch()
    {
        var pipeline = NewPipeline(System);

        var result = pipeline.Verify(Prove(pipeline, System).ToBytes(), FakeStatement.For([1, 2, 3]));

        Assert.Equal(VerificationFailure.StatementMismatch, result.Failure);
    }

    [Fact]
    public void UnregisteredProofSystemIsUnknown()
    {
        var bytes = Prove(NewPipeline(System), System).ToBytes();
        var other = new ProofPipeline(ProtocolConfig.Default(), registry: new ProofSystemRegistry([]));

        Assert.Equal(VerificationFailure.UnknownProofSystem, other.Verify(bytes).Failure);
    }

    [Fact]
    public void UnknownParameterSetIsUnknown()
    {
        var envelope = Prove(NewPipeline(System), System).Envelope;
        var renumbered = new ProofEnvelope(envelope.ProofSystem, 77, envelope.Statement.Span, envelope.Context.Span, envelope.Payload.Span);

        Assert.Equal(VerificationFailure.UnknownProofSystem, NewPipeline(System).Verify(renumbered.ToBytes()).Failure);
    }

    [Fact]
    public void ProofUnderOtherParametersIsRejected()
    {
        var envelope = Prove(NewPipeline(System), System).Envelope;
        var relabeled = new ProofEnvelope(envelope.ProofSystem, 2, envelope.Statement.Span, envelope.Context.Span, envelope.Payload.Span);

        Assert.Equal(VerificationFailure.EquationFailed, NewPipeline(System).Verify(relabeled.ToBytes()).Failure);
    }

    [Fact]
    public void UndecodableStatementIsInvalid()
    {
        var envelope = Prove(NewPipeline(System), System).Envelope;
        var shortened = new ProofEnvelope(envelope.ProofSystem, 1, envelope.Statement.Span[1..], envelope.Context.Span, envelope.Payload.Span);

        var result = NewPipeline(System).Verify(shortened.ToBytes());

        Assert.Equal(VerificationFailure.InvalidStatement, result.Failure);
        Assert.Contains("statement", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NonCanonicalCompressedPayloadIsMalformed()
    {
        var system = new FakeProofSystem { Padding = 500 };
        var pipeline = NewPipeline(system, compression: new CompressionManager([new RunLengthCodec()]));
        var envelope = Prove(pipeline, system).Envelope;
        var payload = envelope.Payload.ToArray();
        // The canonical encoding ends in runs (255, 0) (245, 0) for the 500 zero bytes; split them 250 + 250 instead.
        Assert.Equal([255, 0, 245, 0], payload[^4..]);
        byte[] split = [.. payload[..^4], 250, 0, 250, 0];
        var altered = envelope.WithPayload(CompressionCodecId.Lz4, split, envelope.UncompressedPayloadLength);

        var result = pipeline.Verify(altered.ToBytes());

        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
        Assert.Contains("canonical", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CompressedPayloadThatCouldBeRawIsMalformed()
    {
        var system = new FakeProofSystem();
        var pipeline = NewPipeline(system, compression: new CompressionManager([new RunLengthCodec()]));
        var envelope = Prove(pipeline, system).Envelope;
        Assert.Equal(CompressionCodecId.None, envelope.Codec);
        var payload = envelope.Payload.ToArray();
        var encoded = new byte[2 * payload.Length];
        Assert.True(new RunLengthCodec().TryCompress(payload, encoded, out var written));
        if (!ProofEnvelopeAccepts(envelope, encoded[..written]))
        {
            return;
        }

        var altered = envelope.WithPayload(CompressionCodecId.Lz4, encoded[..written], payload.Length);

        Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify(altered.ToBytes()).Failure);
    }

    [Fact]
    public void WrongDeclaredLengthIsMalformed()
    {
        var system = new FakeProofSystem { Padding = 500 };
        var pipeline = NewPipeline(system, compression: new CompressionManager([new RunLengthCodec()]));
        var envelope = Prove(pipeline, system).Envelope;
        var altered = envelope.WithPayload(envelope.Codec, envelope.Payload.Span, envelope.UncompressedPayloadLength + 1);

        Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify(altered.ToBytes()).Failure);
    }

    [Fact]
    public void GarbageNeverThrows()
    {
        var pipeline = NewPipeline(System);
        var random = new Random(7);
        var buffer = new byte[300];
        Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify([]).Failure);
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(buffer);
            Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify(buffer.AsSpan(0, random.Next(buffer.Length))).Failure);
        }
    }

    [Fact]
    public void EveryTruncationIsMalformed()
    {
        var pipeline = NewPipeline(System);
        var bytes = Prove(pipeline, System).ToBytes();

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify(bytes.AsSpan(0, length)).Failure);
        }
    }

    [Fact]
    public void EverySingleByteChangeIsRejectedWithoutThrowing()
    {
        var system = new FakeProofSystem { Padding = 40 };
        var pipeline = NewPipeline(system, compression: new CompressionManager([new RunLengthCodec()]));
        foreach (var bytes in new[] { Prove(NewPipeline(system), system).ToBytes(), Prove(pipeline, system).ToBytes() })
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
                {
                    var altered = (byte[])bytes.Clone();
                    altered[i] ^= mask;
                    var result = pipeline.Verify(altered, TheStatement);
                    Assert.False(result.IsValid, $"byte {i} ^ 0x{mask:x2} still verified");
                }
            }
        }
    }

    [Fact]
    public void TrailingBytesAreMalformed()
    {
        var pipeline = NewPipeline(System);
        byte[] bytes = [.. Prove(pipeline, System).ToBytes(), 0];

        Assert.Equal(VerificationFailure.MalformedProof, pipeline.Verify(bytes).Failure);
    }

    [Fact]
    public void NullExpectedStatementIsMisuse()
    {
        Assert.Throws<ArgumentNullException>(() => NewPipeline(System).Verify([1], null!));
    }

    // The envelope's own parser may already refuse a payload that does not shrink; then the manager's check is a second line.
    private static bool ProofEnvelopeAccepts(ProofEnvelope envelope, byte[] stored)
    {
        try
        {
            var altered = envelope.WithPayload(CompressionCodecId.Lz4, stored, envelope.UncompressedPayloadLength);
            return ProofEnvelope.TryParse(altered.ToBytes(), EnvelopeLimits.Default, out _, out _);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
