using NexusZero.Compression;
using NexusZero.Diagnostics;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;
using static NexusZero.Tests.Pipeline.PipelineFixture;

namespace NexusZero.Tests.Pipeline;

public sealed class ProofPipelineStageTests
{
    [Fact]
    public void DefaultRunsEveryStageAndVerifies()
    {
        var system = new FakeProofSystem();
        var pipeline = NewPipeline(system);

        var result = Prove(pipeline, system);

        Assert.Equal(
            [ProofStage.Validate, ProofStage.Parameters, ProofStage.Prove, ProofStage.Envelope, ProofStage.Compress, ProofStage.VerifyAfter],
            result.Metrics.StageDurations.Keys.Order());
        Assert.True(result.Metrics.VerifyAfterResult!.IsValid);
        Assert.True(result.Metrics.TotalDuration >= result.Metrics.DurationOf(ProofStage.Prove));
        var verified = pipeline.Verify(result.ToBytes());
        Assert.True(verified.IsValid, verified.ToString());
        Assert.NotNull(verified.Elapsed);
        Assert.False(verified.ExceededTimeLimit);
    }

    [Fact]
    public void MetricsDescribeTheProof()
    {
        var system = new FakeProofSystem { Padding = 10 };
        var result = Prove(NewPipeline(system), system);
        var metrics = result.Metrics;

        Assert.Equal(ProofSystemId.LinearRelation, metrics.ProofSystem);
        Assert.Equal(42, metrics.OriginalPayloadSize);
        Assert.Equal(42, metrics.StoredPayloadSize);
        Assert.Equal(result.ToBytes().Length, metrics.EnvelopeSize);
        Assert.Equal(CompressionCodecId.None, metrics.Codec);
        Assert.Equal(1.0, metrics.CompressionRatio);
        Assert.Contains("lz4 did not shrink", metrics.CompressionWarning, StringComparison.Ordinal);
        Assert.True(metrics.AllocatedBytes > 0);
        Assert.Equal(1, metrics.ParameterSetId);
        Assert.Equal("fake-128", metrics.ParameterSetName);
        Assert.Equal(128, metrics.SecurityBits);
        Assert.Equal("heuristic", metrics.OptimizerName);
        Assert.False(metrics.OptimizerFallback);
        Assert.Null(metrics.OptimizerFallbackReason);
        Assert.Equal([new MetricFigure("fake.security", 128, "bits")], metrics.Figures);
    }

    [Fact]
    public void EnvelopeCarriesStatementContextAndIds()
    {
        var system = new FakeProofSystem();
        var envelope = Prove(NewPipeline(system), system).Envelope;

        Assert.Equal(system.Id, envelope.ProofSystem);
        Assert.Equal(1, envelope.ParameterSetId);
        Assert.Equal(CompressionCodecId.None, envelope.Codec);
        Assert.Equal(TheStatement.ToCanonicalBytes(), envelope.Statement.ToArray());
        Assert.Equal(Context, envelope.Context.ToArray());
    }

    [Fact]
    public void DefaultCompressesACompressiblePayloadWithLz4()
    {
        var system = new FakeProofSystem { Padding = 2000 };
        var pipeline = NewPipeline(system);

        var result = Prove(pipeline, system);

        Assert.Equal(CompressionCodecId.Lz4, result.Envelope.Codec);
        Assert.True(result.Metrics.StoredPayloadSize < 100);
        Assert.Null(result.Metrics.CompressionWarning);
        Assert.True(NewPipeline(system, ProtocolConfig.Fast()).Verify(result.ToBytes(), TheStatement).IsValid);
    }

    [Fact]
    public void FastSkipsCompressionAndVerifyAfter()
    {
        var system = new FakeProofSystem();
        var result = Prove(NewPipeline(system, ProtocolConfig.Fast()), system);

        Assert.Null(result.Metrics.DurationOf(ProofStage.Compress));
        Assert.Null(result.Metrics.DurationOf(ProofStage.VerifyAfter));
        Assert.Null(result.Metrics.VerifyAfterResult);
        Assert.NotNull(result.Metrics.DurationOf(ProofStage.Prove));
    }

    [Theory]
    [InlineData("Fast", 128)]
    [InlineData("Default", 128)]
    [InlineData("Secure", 256)]
    public void EveryPresetProducesAVerifyingProof(string preset, int bits)
    {
        var system = new FakeProofSystem();
        var pipeline = NewPipeline(system, ProtocolConfigTests.Preset(preset));

        var result = Prove(pipeline, system);

        Assert.Equal(bits, result.Metrics.SecurityBits);
        Assert.True(pipeline.Verify(result.ToBytes(), TheStatement).IsValid);
    }

    [Fact]
    public void SecurePresetFailsWhenTheSystemCannotReach256Bits()
    {
        var system = new FakeProofSystem { MaxSecurityBits = 128 };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, ProtocolConfig.Secure()), system));

        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
    }

    [Fact]
    public void InvalidConfigurationIsRefusedAtConstruction()
    {
        var error = Assert.Throws<NexusZeroException>(() => NewPipeline(new FakeProofSystem(), ProtocolConfig.Default() with { SecurityLevel = 112 }));

        Assert.Equal(NexusZeroErrorKind.ConfigurationError, error.Kind);
    }

    [Fact]
    public void WitnessNotMatchingTheStatementIsAValidationFailure()
    {
        var system = new FakeProofSystem();
        using var witness = new FakeWitness([.. "wrong"u8]);

        var error = Assert.Throws<NexusZeroException>(() => NewPipeline(system).Prove(new ProofRequest(system, TheStatement, witness, Context)));

        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedWitnessIsRefusedBeforeProving()
    {
        var system = new FakeProofSystem();
        var witness = new FakeWitness((byte[])Secret.Clone());
        witness.Dispose();

        Assert.Throws<ObjectDisposedException>(() => NewPipeline(system).Prove(new ProofRequest(system, TheStatement, witness, Context)));
        Assert.Equal(0, system.ProveCalls);
    }

    [Fact]
    public void UnsupportedStatementKindIsMisuse()
    {
        var system = new FakeProofSystem();
        using var witness = new FakeWitness((byte[])Secret.Clone());
        var request = new ProofRequest(system, new OtherKindStatement(), witness);

        Assert.Throws<ArgumentException>(() => NewPipeline(system).Prove(request));
        Assert.Equal(0, system.ProveCalls);
    }

    [Fact]
    public void ContextOverTheEnvelopeLimitIsAValidationFailure()
    {
        var system = new FakeProofSystem();
        var config = ProtocolConfig.Default() with { EnvelopeLimits = new EnvelopeLimits { MaxContextLength = 4 } };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, config), system, new byte[5]));

        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.Contains("context", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, system.ProveCalls);
    }

    [Fact]
    public void UnexpectedProverFailureBecomesProofGenerationFailedWithoutItsMessage()
    {
        var system = new FakeProofSystem { ProveFailure = new InvalidOperationException("secret nonce 1234") };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system), system));

        Assert.Equal(NexusZeroErrorKind.ProofGenerationFailed, error.Kind);
        Assert.DoesNotContain("1234", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void ProofsAreBoundToTheirContext()
    {
        var system = new FakeProofSystem();
        var pipeline = NewPipeline(system);
        var envelope = Prove(pipeline, system).Envelope;
        var moved = new ProofEnvelope(envelope.ProofSystem, envelope.ParameterSetId, envelope.Statement.Span, "session-43"u8, envelope.Payload.Span);

        var result = pipeline.Verify(moved.ToBytes());

        Assert.Equal(VerificationFailure.EquationFailed, result.Failure);
    }

    private sealed class OtherKindStatement : Statement
    {
        public override StatementKind Kind => StatementKind.Range;

        public override byte[] ToCanonicalBytes() => [1];

        public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() => [];
    }
}
