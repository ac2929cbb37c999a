using NexusZero.Compression;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;
using static NexusZero.Tests.Pipeline.PipelineFixture;

namespace NexusZero.Tests.Pipeline;

public sealed class ProofPipelineRecoveryTests
{
    [Fact]
    public void FailingOptimizerFallsBackToTheHeuristicAndRecordsWhy()
    {
        var system = new FakeProofSystem();
        var optimizer = new FailingOptimizer(new InvalidOperationException("model file missing"));
        var pipeline = NewPipeline(system, optimizer: optimizer);

        var result = Prove(pipeline, system);

        Assert.True(result.Metrics.OptimizerFallback);
        Assert.Equal("heuristic", result.Metrics.OptimizerName);
        Assert.Contains("failing", result.Metrics.OptimizerFallbackReason, StringComparison.Ordinal);
        Assert.Contains("model file missing", result.Metrics.OptimizerFallbackReason, StringComparison.Ordinal);
        Assert.True(pipeline.Verify(result.ToBytes()).IsValid);
    }

    [Fact]
    public void OptimizerChoosingUnknownParametersFallsBack()
    {
        var system = new FakeProofSystem();
        var result = Prove(NewPipeline(system, optimizer: new FixedOptimizer(new FakeParameters(9, 128))), system);

        Assert.True(result.Metrics.OptimizerFallback);
        Assert.Contains("does not define", result.Metrics.OptimizerFallbackReason, StringComparison.Ordinal);
        Assert.Equal(1, result.Metrics.ParameterSetId);
    }

    [Fact]
    public void WorkingOptimizerIsUsed()
    {
        var system = new FakeProofSystem();
        var pipeline = NewPipeline(system, optimizer: new FixedOptimizer(FakeParameters.All[1]));

        var result = Prove(pipeline, system);

        Assert.False(result.Metrics.OptimizerFallback);
        Assert.Equal("fixed", result.Metrics.OptimizerName);
        Assert.Equal(2, result.Envelope.ParameterSetId);
        Assert.True(pipeline.Verify(result.ToBytes()).IsValid);
    }

    [Fact]
    public void OptimizerIsNotAskedWhenDisabled()
    {
        var system = new FakeProofSystem();
        var config = ProtocolConfig.Default() with { UseOptimizer = false };

        var result = Prove(NewPipeline(system, config, new FailingOptimizer(new InvalidOperationException())), system);

        Assert.False(result.Metrics.OptimizerFallback);
        Assert.Equal("heuristic", result.Metrics.OptimizerName);
    }

    [Fact]
    public void FailingHeuristicAfterFailingOptimizerIsAnOptimizationFailure()
    {
        var system = new FakeProofSystem { MaxSecurityBits = 128 };
        var config = ProtocolConfig.Default() with { SecurityLevel = 192 };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, config, new FailingOptimizer(new InvalidOperationException())), system));

        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
    }

    [Fact]
    public void ShrinkingCodecCompressesAndTheProofStillVerifies()
    {
        var system = new FakeProofSystem { Padding = 500 };
        var pipeline = NewPipeline(system, compression: new CompressionManager([new RunLengthCodec()]));

        var result = Prove(pipeline, system);

        Assert.Equal(CompressionCodecId.Lz4, result.Envelope.Codec);
        Assert.Equal(532, result.Metrics.OriginalPayloadSize);
        Assert.True(result.Metrics.StoredPayloadSize < 100);
        Assert.True(result.Metrics.CompressionRatio < 0.2);
        Assert.Null(result.Metrics.CompressionWarning);
        Assert.True(result.Metrics.VerifyAfterResult!.IsValid);
        Assert.True(pipeline.Verify(result.ToBytes(), TheStatement).IsValid);
    }

    [Theory]
    [InlineData("throwing", "failed")]
    [InlineData("expanding", "did not shrink")]
    public void FailingCodecKeepsTheRawPayloadAndWarns(string codec, string warning)
    {
        var system = new FakeProofSystem { Padding = 500 };
        ICompressionCodec double_ = codec == "throwing" ? new ThrowingCodec() : new ExpandingCodec();
        var pipeline = NewPipeline(system, compression: new CompressionManager([double_]));

        var result = Prove(pipeline, system);

        Assert.Equal(CompressionCodecId.None, result.Envelope.Codec);
        Assert.Equal(result.Metrics.OriginalPayloadSize, result.Metrics.StoredPayloadSize);
        Assert.Contains(warning, result.Metrics.CompressionWarning, StringComparison.Ordinal);
        Assert.True(pipeline.Verify(result.ToBytes()).IsValid);
    }

    [Fact]
    public void VerifyAfterFailureThrowsUnderThrowPolicy()
    {
        var system = new FakeProofSystem { BrokenProofs = true };
        var config = ProtocolConfig.Default() with { VerifyAfterGenerationFailure = VerifyAfterFailurePolicy.Throw };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, config), system));

        Assert.Equal(NexusZeroErrorKind.SelfVerificationFailed, error.Kind);
    }

    [Fact]
    public void VerifyAfterFailureIsReportedUnderReportPolicy()
    {
        var system = new FakeProofSystem { BrokenProofs = true };
        var config = ProtocolConfig.Default() with { VerifyAfterGenerationFailure = VerifyAfterFailurePolicy.Report };

        var result = Prove(NewPipeline(system, config), system);

        Assert.NotNull(result.Metrics.VerifyAfterResult);
        Assert.Equal(VerificationFailure.EquationFailed, result.Metrics.VerifyAfterResult.Failure);
    }

    [Fact]
    public void BrokenProofGoesUnnoticedWithoutVerifyAfter()
    {
        var system = new FakeProofSystem { BrokenProofs = true };
        var pipeline = NewPipeline(system, ProtocolConfig.Fast());

        var result = Prove(pipeline, system);

        Assert.Null(result.Metrics.VerifyAfterResult);
        Assert.Equal(VerificationFailure.EquationFailed, pipeline.Verify(result.ToBytes()).Failure);
    }
}
