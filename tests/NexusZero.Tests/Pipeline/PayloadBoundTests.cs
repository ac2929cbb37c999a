using System.IO.Compression;
using NexusZero.Compression;
using NexusZero.Diagnostics;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Tests.Pipeline;

/// <summary>
/// Issue #12: a verifier asks the proof system for the proof's length before it expands anything, and
/// proofs that never compress have exactly one envelope encoding (raw).
/// </summary>
public sealed class PayloadBoundTests
{
    private static readonly IPrimeOrderGroup Group = Ristretto255Group.Instance;

    [Fact]
    public void ACompressedBombIsRefusedBeforeItIsExpanded()
    {
        (DiscreteLogStatement statement, ProofEnvelope honest) = HonestSchnorr();
        // 8 MiB of zeros, Brotli-compressed: tiny on the wire, costly to expand and re-compress.
        byte[] expanded = new byte[EnvelopeLimits.Default.MaxDecompressedPayloadLength];
        byte[] bomb = new byte[BrotliEncoder.GetMaxCompressedLength(expanded.Length)];
        Assert.True(BrotliEncoder.TryCompress(expanded, bomb, out int written, quality: 11, window: 24));
        var hostile = new ProofEnvelope(honest.ProofSystem, honest.ParameterSetId, CompressionCodecId.Brotli, honest.Statement.Span, honest.Context.Span, bomb.AsSpan(0, written), expanded.Length).ToBytes();

        var api = new NexuszeroApi();
        api.Verify(hostile, statement); // warm-up: JIT and caches out of the measurement
        long before = GC.GetAllocatedBytesForCurrentThread();
        VerificationResult result = api.Verify(hostile, statement);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
        Assert.Contains($"declares {expanded.Length} bytes", result.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 256 << 10, $"refusing the bomb allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(CompressionCodecId.Brotli)]
    [InlineData(CompressionCodecId.Lz4)]
    public void AProofStoredUnderACodecIsASecondEncodingAndRefused(CompressionCodecId codec)
    {
        (DiscreteLogStatement statement, ProofEnvelope honest) = HonestSchnorr();
        byte[] proof = honest.Payload.ToArray();
        // Whatever the codec's output, the proof is not stored raw: the verifier must refuse before decoding it.
        byte[] stored = proof[..^1];
        var altered = honest.WithPayload(codec, stored, proof.Length).ToBytes();

        VerificationResult result = new NexuszeroApi().Verify(altered, statement);

        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
        Assert.Contains("second encoding", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionStrategy.Lz4)]
    [InlineData(CompressionStrategy.Brotli)]
    [InlineData(CompressionStrategy.Auto)]
    public void BuiltInProofsAreStoredRawWithoutTryingACodec(CompressionStrategy strategy)
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { CompressionStrategy = strategy });
        using GroupScalar secret = Group.RandomScalar();
        ProofResult result = api.ProveDiscreteLog(Group.MultiplyBase(secret), secret, "ctx"u8);

        Assert.Equal(CompressionCodecId.None, result.Envelope.Codec);
        Assert.Null(result.Metrics.DurationOf(ProofStage.Compress));
        Assert.Null(result.Metrics.CompressionWarning);
        Assert.True(result.Metrics.VerifyAfterResult?.IsValid);
    }

    [Fact]
    public void EveryBuiltInSystemStatesItsProofLength()
    {
        (DiscreteLogStatement statement, ProofEnvelope honest) = HonestSchnorr();
        Assert.True(ProofSystemRegistry.Default.TryGet(honest.ProofSystem, out IProofSystem? system));
        Assert.True(system.TryGetParameterSet(honest.ParameterSetId, out ParameterSet? parameters));
        Assert.Equal(honest.Payload.Length, system.ExpectedProofLength(statement, parameters));
        Assert.All(ProofSystemRegistry.Default.Systems, s => Assert.False(s.ProofsCompress, s.Name));

        var longer = honest.WithPayload(CompressionCodecId.None, [.. honest.Payload.Span, 0], honest.Payload.Length + 1).ToBytes();
        VerificationResult result = new NexuszeroApi().Verify(longer, statement);
        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
        Assert.Contains($"is {honest.Payload.Length} bytes", result.Reason, StringComparison.Ordinal);
    }

    private static (DiscreteLogStatement Statement, ProofEnvelope Envelope) HonestSchnorr()
    {
        using GroupScalar secret = Group.RandomScalar();
        GroupElement publicValue = Group.MultiplyBase(secret);
        ProofResult result = new NexuszeroApi().ProveDiscreteLog(publicValue, secret, "ctx"u8);
        return (new DiscreteLogStatement(Group, publicValue), result.Envelope);
    }
}
