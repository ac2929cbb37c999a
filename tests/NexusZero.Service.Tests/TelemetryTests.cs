using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using NexusZero.Service.Protos;
using NexusZero.Service.Telemetry;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class TelemetryTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Proof_request_emits_the_stage_spans_and_instruments()
    {
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServiceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);
        var measured = new ConcurrentDictionary<string, int>();
        IReadOnlyList<double>? buckets = null;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ServiceTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                    if (instrument is Histogram<double> { Name: "nexuszero.service.proof.duration" } histogram)
                    {
                        buckets = histogram.Advice?.HistogramBucketBoundaries;
                    }
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        meters.SetMeasurementEventCallback<long>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        meters.Start();

        using var service = fixture.Start();
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = Level.Consensus, ExplainerSeed = 1 };
        request.Input.AddRange(fixture.Instances[1]);
        await service.Inference.VerifyInferenceAsync(request, new Metadata { { "x-api-key", ServiceFixture.CallerKey } });

        var root = Assert.Single(spans, s => s.OperationName == "verify_inference" && s.GetTagItem("nexuszero.level") as string == "Consensus");
        foreach (var stage in new[] { "generate_proof", "generate_explanation", "validate_consensus" })
        {
            Assert.Contains(spans, s => s.OperationName == stage && s.ParentSpanId == root.SpanId);
        }

        foreach (var name in new[] { "nexuszero.service.proof.duration", "nexuszero.service.explanation.quality", "nexuszero.service.consensus.duration", "nexuszero.service.cache.lookups" })
        {
            Assert.True(measured.ContainsKey(name), name);
        }

        Assert.Equal([0.01, 0.05, 0.1, 0.5, 1, 5], buckets);
    }
}
