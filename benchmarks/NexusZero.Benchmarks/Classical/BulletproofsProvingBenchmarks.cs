using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// 64-bit range-proof proving on ristretto255, the prover before the speed-up (baseline) against the
/// current one, side by side in one run. Both start from the same transcript and skip the opening checks.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BulletproofsProvingBenchmarks
{
    private readonly IPrimeOrderGroup _group = Ristretto255Group.Instance;
    private RangeStatement _statement = null!;
    private GroupParameterSet _parameters = null!;
    private ulong[] _values = [];
    private GroupScalar[] _blindings = [];

    [Params(1, 4, 16)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parameters = BulletproofsRangeProofSystem.Instance.ParametersFor(_group);
        _values = Enumerable.Range(0, Values).Select(i => (ulong)Random.Shared.NextInt64()).ToArray();
        _blindings = _values.Select(_ => _group.RandomScalar()).ToArray();
        var commitments = _values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(_group, v), _blindings[i])).ToArray();
        _statement = RangeStatement.ForValues(_group, commitments, 64);
        foreach (var proof in new[] { Before(), After() })
        {
            if (!BulletproofsRangeProofSystem.Instance.Verify(_statement, proof, _parameters, []).IsValid)
            {
                throw new InvalidOperationException("A benchmarked prover produced an invalid proof.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] Before()
    {
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, _parameters, _statement, []);
        return LegacyRangeProver.Prove(transcript, 64, _values, _blindings);
    }

    [Benchmark]
    public byte[] After()
    {
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, _parameters, _statement, []);
        return RangeProofProtocol.Prove(transcript, _group, 64, _values, _blindings);
    }
}
