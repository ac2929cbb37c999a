using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NexusZero.Diagnostics;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;
using static NexusZero.Tests.Pipeline.PipelineFixture;

namespace NexusZero.Tests.Diagnostics;

public sealed class NexusZeroTelemetryTests
{
    // Other tests record on the same process-wide instruments in parallel; this id is used only here.
    private const ProofSystemId TaggedId = ProofSystemId.SigmaComposition;

    [Fact]
    public void InstrumentsFireForProofsVerificationsRejectionsAndFailures()
    {
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? System, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NexusZeroTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, NexusZeroTelemetry.ProofSystemTag), Tag(tags, NexusZeroTelemetry.ReasonTag))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, NexusZeroTelemetry.ProofSystemTag), Tag(tags, NexusZeroTelemetry.ReasonTag))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, NexusZeroTelemetry.ProofSystemTag), Tag(tags, NexusZeroTelemetry.ReasonTag))));
        listener.Start();

        var system = new FakeProofSystem { Id = TaggedId, Padding = 8 };
        var pipeline = NewPipeline(system, ProtocolConfig.Fast());
        var bytes = Prove(pipeline, system).ToBytes();
        Assert.True(pipeline.Verify(bytes).IsValid);
        bytes[^1] ^= 1;
        Assert.False(pipeline.Verify(bytes).IsValid);
        using (var witness = new FakeWitness([9]))
        {
            Assert.Throws<NexusZeroException>(() => pipeline.Prove(new ProofRequest(system, TheStatement, witness)));
        }

        var ours = measurements.Where(m => m.System == TaggedId.ToString()).ToList();
        Assert.Single(ours, m => m.Instrument == "nexuszero.proofs" && m.Value == 1);
        Assert.Single(ours, m => m.Instrument == "nexuszero.prove.duration" && m.Value >= 0);
        Assert.Single(ours, m => m.Instrument == "nexuszero.proof.size" && m.Value == bytes.Length);
        Assert.Equal(2, ours.Count(m => m.Instrument == "nexuszero.verifications"));
        Assert.Equal(2, ours.Count(m => m.Instrument == "nexuszero.verify.duration"));
        Assert.Single(ours, m => m.Instrument == "nexuszero.rejections" && m.Reason == nameof(VerificationFailure.MalformedProof));
        Assert.Single(ours, m => m.Instrument == "nexuszero.failures" && m.Reason == nameof(NexusZeroErrorKind.ValidationFailed));
    }

    [Fact]
    public void EveryStageGetsASpanUnderTheGenerationSpan()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NexusZeroTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var system = new FakeProofSystem { Id = TaggedId };
        Prove(NewPipeline(system), system);

        var generation = Assert.Single(stopped, a => a.OperationName == "nexuszero.generate" && Equals(a.GetTagItem(NexusZeroTelemetry.ProofSystemTag), TaggedId.ToString()));
        var children = stopped.Where(a => a.ParentSpanId == generation.SpanId).Select(a => a.OperationName).ToList();
        Assert.Equal(
            ["nexuszero.validate", "nexuszero.parameters", "nexuszero.prove", "nexuszero.envelope", "nexuszero.compress", "nexuszero.verify_after"],
            children.OrderBy(name => Array.IndexOf(StageOrder, name)));
        var verifyAfter = stopped.Single(a => a.ParentSpanId == generation.SpanId && a.OperationName == "nexuszero.verify_after");
        Assert.Contains(stopped, a => a.ParentSpanId == verifyAfter.SpanId && a.OperationName == "nexuszero.verify");
    }

    [Fact]
    public void NamesAreStable()
    {
        Assert.Equal("NexusZero", NexusZeroTelemetry.Meter.Name);
        Assert.Equal("NexusZero", NexusZeroTelemetry.ActivitySource.Name);
    }

    private static readonly string[] StageOrder =
        ["nexuszero.validate", "nexuszero.parameters", "nexuszero.prove", "nexuszero.envelope", "nexuszero.compress", "nexuszero.verify_after"];

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
