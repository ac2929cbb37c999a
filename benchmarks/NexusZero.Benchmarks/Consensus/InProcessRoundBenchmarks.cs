using BenchmarkDotNet.Attributes;
using NexusZero.Consensus;

namespace NexusZero.Benchmarks.Consensus;

/// <summary>
/// A whole in-process round with n = 7: propose, 7 votes signed and checked, certificate, countersignatures.
/// <see cref="ConcurrentRounds"/> runs 8 rounds at once to measure throughput on all cores (rounds/s = 8 / time).
/// </summary>
[MemoryDiagnoser]
public class InProcessRoundBenchmarks
{
    private const int Concurrent = 8;
    private ConsensusFixture _fixture = null!;
    private InProcessConsensusClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ConsensusFixture(7);
        _client = new InProcessConsensusClient(_fixture.Set, _fixture.Validators);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark]
    public async Task<bool> Round() => (await _client.ProposeAsync(ConsensusFixture.Content)).IsFinalized;

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public async Task<bool> ConcurrentRounds()
    {
        var rounds = new Task<ConsensusResult>[Concurrent];
        for (var i = 0; i < Concurrent; i++)
        {
            rounds[i] = _client.ProposeAsync(ConsensusFixture.Content);
        }

        var results = await Task.WhenAll(rounds);
        return Array.TrueForAll(results, r => r.IsFinalized);
    }
}
