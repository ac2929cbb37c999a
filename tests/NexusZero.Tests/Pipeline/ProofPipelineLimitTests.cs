using NexusZero.Diagnostics;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;
using static NexusZero.Tests.Pipeline.PipelineFixture;

namespace NexusZero.Tests.Pipeline;

public sealed class ProofPipelineLimitTests
{
    [Fact]
    public void ProofAtMaxProofSizeIsAcceptedAndOneByteLessIsRefused()
    {
        var system = new FakeProofSystem { Padding = 1000 };
        var size = Prove(NewPipeline(system), system).Metrics.EnvelopeSize;

        Prove(NewPipeline(system, ProtocolConfig.Default() with { MaxProofSize = size }), system);
        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, ProtocolConfig.Default() with { MaxProofSize = size - 1 }), system));

        Assert.Equal(NexusZeroErrorKind.ProofTooLarge, error.Kind);
        Assert.Contains("MaxProofSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadOverTheEnvelopeLimitIsTooLarge()
    {
        var system = new FakeProofSystem { Padding = 100 };
        var config = ProtocolConfig.Fast() with { EnvelopeLimits = new EnvelopeLimits { MaxPayloadLength = 100 } };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, config), system));

        Assert.Equal(NexusZeroErrorKind.ProofTooLarge, error.Kind);
    }

    [Fact]
    public void CompressionCanBringAPayloadUnderTheStoredLimit()
    {
        var system = new FakeProofSystem { Padding = 100 };
        var config = ProtocolConfig.Default() with { EnvelopeLimits = new EnvelopeLimits { MaxPayloadLength = 100 } };
        var pipeline = NewPipeline(system, config);

        var result = Prove(pipeline, system);

        Assert.True(result.Metrics.StoredPayloadSize <= 100);
        Assert.True(pipeline.Verify(result.ToBytes()).IsValid);
    }

    [Fact]
    public void SlowVerificationIsFlaggedButValidByDefault()
    {
        var clock = new ManualTimeProvider();
        var system = new FakeProofSystem { Clock = clock, VerifyCost = TimeSpan.FromSeconds(2) };
        var pipeline = NewPipeline(system, ProtocolConfig.Fast() with { MaxVerifyTime = TimeSpan.FromSeconds(1) }, time: clock);

        var result = pipeline.Verify(Prove(pipeline, system).ToBytes());

        Assert.True(result.IsValid);
        Assert.True(result.ExceededTimeLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Elapsed);
    }

    [Fact]
    public void SlowVerificationFailsWhenConfigured()
    {
        var clock = new ManualTimeProvider();
        var system = new FakeProofSystem { Clock = clock, VerifyCost = TimeSpan.FromSeconds(2) };
        var config = ProtocolConfig.Fast() with { MaxVerifyTime = TimeSpan.FromSeconds(1), FailOnSlowVerification = true };
        var pipeline = NewPipeline(system, config, time: clock);

        var result = pipeline.Verify(Prove(pipeline, system).ToBytes());

        Assert.False(result.IsValid);
        Assert.Equal(VerificationFailure.TimeLimitExceeded, result.Failure);
        Assert.True(result.ExceededTimeLimit);
    }

    [Fact]
    public void VerificationWithinTheLimitIsNotFlagged()
    {
        var clock = new ManualTimeProvider();
        var system = new FakeProofSystem { Clock = clock, VerifyCost = TimeSpan.FromMilliseconds(999) };
        var config = ProtocolConfig.Fast() with { MaxVerifyTime = TimeSpan.FromSeconds(1), FailOnSlowVerification = true };
        var pipeline = NewPipeline(system, config, time: clock);

        var result = pipeline.Verify(Prove(pipeline, system).ToBytes());

        Assert.True(result.IsValid);
        Assert.False(result.ExceededTimeLimit);
    }

    [Fact]
    public void SecurePresetFailsASlowVerification()
    {
        var clock = new ManualTimeProvider();
        var system = new FakeProofSystem { Clock = clock, VerifyCost = TimeSpan.FromSeconds(3) };

        var error = Assert.Throws<NexusZeroException>(() => Prove(NewPipeline(system, ProtocolConfig.Secure(), time: clock), system));

        Assert.Equal(NexusZeroErrorKind.SelfVerificationFailed, error.Kind);
        Assert.Contains("TimeLimitExceeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StageDurationsComeFromTheConfiguredClock()
    {
        var clock = new ManualTimeProvider();
        var system = new FakeProofSystem { Clock = clock, VerifyCost = TimeSpan.FromMilliseconds(250) };

        var metrics = Prove(NewPipeline(system, time: clock), system).Metrics;

        Assert.Equal(TimeSpan.FromMilliseconds(250), metrics.DurationOf(ProofStage.VerifyAfter));
        Assert.Equal(TimeSpan.Zero, metrics.DurationOf(ProofStage.Prove));
        Assert.Equal(TimeSpan.FromMilliseconds(250), metrics.TotalDuration);
    }
}
