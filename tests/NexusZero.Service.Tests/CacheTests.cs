using Grpc.Core;
using NexusZero.Service.Protos;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class CacheTests(ServiceFixture fixture)
{
    private static Metadata Key => new() { { "x-api-key", ServiceFixture.CallerKey } };

    private VerifyInferenceRequest Request(Level level)
    {
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = level, ExplainerSeed = 11 };
        request.Input.AddRange(fixture.Instances[2]);
        return request;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Second_call_is_a_hit_and_a_tampered_value_is_rejected_and_recomputed(int levelNumber)
    {
        var level = (Level)levelNumber;
        using var service = fixture.Start();
        var first = await service.Inference.VerifyInferenceAsync(Request(level), Key);
        Assert.Equal(CacheStatus.Miss, first.Cache);
        var second = await service.Inference.VerifyInferenceAsync(Request(level), Key);
        Assert.Equal(CacheStatus.Hit, second.Cache);
        Assert.Equal(first.Subject, second.Subject);
        Assert.Equal(first.ProofEnvelope, second.ProofEnvelope);

        // Flip a bit in the stored output values (the subject sits early in the value) and, separately, near the end.
        foreach (var at in new[] { 0.1, 0.99 })
        {
            service.Cache.FlipByte(at);
            var third = await service.Inference.VerifyInferenceAsync(Request(level), Key);
            Assert.Equal(CacheStatus.Rejected, third.Cache);
            Assert.Equal(first.QuantizedOutput, third.QuantizedOutput);
            Assert.Equal(CacheStatus.Hit, (await service.Inference.VerifyInferenceAsync(Request(level), Key)).Cache);
        }
    }

    [Fact]
    public async Task A_value_of_another_service_secret_is_rejected()
    {
        var shared = new RecordingCache();
        using (var one = fixture.Start(cache: shared))
        {
            await one.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key);
        }

        // A second instance with its own random secret cannot tell the stored value from a forgery: it recomputes.
        using var two = fixture.Start(cache: shared);
        Assert.Equal(CacheStatus.Rejected, (await two.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key)).Cache);

        // With a configured shared secret, instances serve each other's values.
        var secret = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
        var common = new RecordingCache();
        using (var three = fixture.Start(o => o.CacheSecret = secret, common))
        {
            await three.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key);
        }

        using var four = fixture.Start(o => o.CacheSecret = secret, common);
        Assert.Equal(CacheStatus.Hit, (await four.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key)).Cache);
    }

    [Fact]
    public async Task Each_level_and_seed_has_its_own_entry()
    {
        using var service = fixture.Start();
        await service.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key);
        await service.Inference.VerifyInferenceAsync(Request(Level.Explanation), Key);
        var reseeded = Request(Level.Explanation);
        reseeded.ExplainerSeed = 12;
        await service.Inference.VerifyInferenceAsync(reseeded, Key);
        Assert.Equal(3, service.Cache.Count);
    }
}
