using System.Net;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Http;

public sealed class HttpConsensusClientTests : IDisposable
{
    private readonly Cluster _cluster = new(4);
    private readonly LoopbackRouter _router = new();

    public HttpConsensusClientTests()
    {
        for (var i = 0; i < 4; i++)
        {
            _router.Add(9000 + i, new ValidatorHttpHandler(_cluster.Validators[i]));
        }
    }

    [Fact]
    public async Task AllHealthy_Finalizes()
    {
        var result = await Run(new ConsensusOptions());
        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.Equal(4, result.Certificate!.Votes.Count);
        Assert.True(CertificateVerifier.Verify(result.Certificate, _cluster.Set).IsValid);
    }

    [Fact]
    public async Task TransientFailures_AreRetriedWithBackoff()
    {
        _router.Fault(9000, attempt => attempt <= 2 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null);
        var result = await Run(new ConsensusOptions { MaxAttempts = 3, StragglerGrace = TimeSpan.FromSeconds(1) });
        Assert.True(result.IsFinalized);
        Assert.Contains(result.Certificate!.Votes, v => v.Vote.ValidatorId == "v00");
        Assert.True(_router.Attempts(9000) >= 3);
    }

    [Fact]
    public async Task HangingValidator_HitsItsOwnTimeout_OthersFinalize()
    {
        _router.Fault(9001, _ => new HttpResponseMessage(HttpStatusCode.RequestTimeout));
        var options = new ConsensusOptions { PerValidatorTimeout = TimeSpan.FromMilliseconds(100), MaxAttempts = 2, StragglerGrace = TimeSpan.FromSeconds(5) };
        var result = await Run(options).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(result.IsFinalized);
        Assert.DoesNotContain(result.Certificate!.Votes, v => v.Vote.ValidatorId == "v01");
        Assert.True(_router.Attempts(9001) >= 2);
    }

    [Fact]
    public async Task GarbageAndClientErrors_AreRejectedNotRetried()
    {
        _router.Fault(9002, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("{\"votes\":[{\"validatorId\":7}]}"u8.ToArray()) });
        _router.Fault(9003, _ => new HttpResponseMessage(HttpStatusCode.Conflict));
        var result = await Run(new ConsensusOptions { MaxAttempts = 3 });
        Assert.False(result.IsFinalized);
        Assert.Equal(ConsensusFailureReason.NotEnoughValidVotes, result.FailureReason);
        Assert.Null(result.Certificate);
        Assert.Contains(result.RejectedVotes, r => r.ValidatorId == "v02" && r.Reason.Contains("malformed", StringComparison.Ordinal));
        Assert.Equal(1, _router.Attempts(9003));
    }

    [Fact]
    public async Task Cancellation_StopsTheRound()
    {
        _router.Fault(9000, _ => new HttpResponseMessage(HttpStatusCode.RequestTimeout));
        _router.Fault(9001, _ => new HttpResponseMessage(HttpStatusCode.RequestTimeout));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(new ConsensusOptions(), cts.Token));
    }

    public void Dispose() => _cluster.Dispose();

    private async Task<ConsensusResult> Run(ConsensusOptions options, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(_router, disposeHandler: false);
        var endpoints = _cluster.Ids.Select((id, i) => (id, LoopbackRouter.UriFor(9000 + i))).ToDictionary(p => p.id, p => p.Item2);
        using var client = new HttpConsensusClient(_cluster.Set, endpoints, http, options);
        return await client.ProposeAsync(Cluster.Content(), cancellationToken);
    }
}
