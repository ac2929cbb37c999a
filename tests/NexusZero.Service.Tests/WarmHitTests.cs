using Grpc.Core;
using NexusZero.Service.Protos;

namespace NexusZero.Service.Tests;

/// <summary>
/// A warm proof- or consensus-level hit of bytes this instance computed or already verified costs a digest comparison,
/// not a Groth16 verification; bytes it has not vouched for (another instance's, or a substitution) are verified in full.
/// </summary>
[Collection(ServiceTestsDefinition.Name)]
public sealed class WarmHitTests(ServiceFixture fixture)
{
    private static Metadata Key => new() { { "x-api-key", ServiceFixture.CallerKey } };

    private VerifyInferenceRequest Request(Level level, int instance = 2)
    {
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = level, ExplainerSeed = 11 };
        request.Input.AddRange(fixture.Instances[instance]);
        return request;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Warm_hits_of_values_computed_here_run_no_proof_verification(int levelNumber)
    {
        var level = (Level)levelNumber;
        using var service = fixture.Start();
        var first = await service.Inference.VerifyInferenceAsync(Request(level), Key);
        Assert.Equal(CacheStatus.Miss, first.Cache);
        for (var i = 0; i < 3; i++)
        {
            var hit = await service.Inference.VerifyInferenceAsync(Request(level), Key);
            Assert.Equal(CacheStatus.Hit, hit.Cache);
            Assert.Equal(first.ProofEnvelope, hit.ProofEnvelope);
            Assert.Equal(first.Receipt, hit.Receipt);
        }

        // Concurrent requests share one lookup (HIT once, SHARED for the rest): none of them verifies either.
        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => service.Inference.VerifyInferenceAsync(Request(level), Key).ResponseAsync));
        Assert.All(burst, r => Assert.Contains(r.Cache, new[] { CacheStatus.Hit, CacheStatus.Shared }));
        Assert.All(burst, r => Assert.Equal(first.Subject, r.Subject));
        Assert.Equal(0, service.Verifier.ProofChecks);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_value_another_instance_stored_is_verified_in_full_once(int levelNumber)
    {
        var level = (Level)levelNumber;
        var shared = new RecordingCache();
        using var one = fixture.Start(cache: shared);
        var first = await one.Inference.VerifyInferenceAsync(Request(level), Key);

        // The second instance has not seen these bytes: the first read verifies them, later reads do not. (Consensus:
        // the in-process validators differ per instance, so the receipt does not verify and is recomputed, once.)
        using var two = fixture.Start(cache: shared);
        var read = await two.Inference.VerifyInferenceAsync(Request(level), Key);
        Assert.Equal(1, two.Verifier.ProofChecks);
        Assert.Equal(level == Level.Proof ? CacheStatus.Hit : CacheStatus.Rejected, read.Cache);
        if (level == Level.Proof)
        {
            Assert.Equal(first.ProofEnvelope, read.ProofEnvelope);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CacheStatus.Hit, (await two.Inference.VerifyInferenceAsync(Request(level), Key)).Cache);
        }

        Assert.Equal(1, two.Verifier.ProofChecks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_valid_value_of_another_input_put_under_a_memoized_key_is_rejected(int levelNumber)
    {
        var level = (Level)levelNumber;
        using var service = fixture.Start();
        var mine = await service.Inference.VerifyInferenceAsync(Request(level, 2), Key);
        var myKey = Assert.Single(service.Cache.Keys);
        await service.Inference.VerifyInferenceAsync(Request(level, 1), Key);
        var otherKey = Assert.Single(service.Cache.Keys, k => k != myKey);

        // Well formed, honestly produced and verifiable, but about another input: the memo does not vouch for it.
        service.Cache.Put(myKey, service.Cache.Get(otherKey));
        var served = await service.Inference.VerifyInferenceAsync(Request(level, 2), Key);
        Assert.Equal(CacheStatus.Rejected, served.Cache);
        Assert.Equal(mine.Subject, served.Subject);
        Assert.Equal(mine.QuantizedOutput, served.QuantizedOutput);
    }
}
