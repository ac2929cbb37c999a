using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Classical;

/// <summary>64-bit Bulletproofs on ristretto255: prove and verify for m = 1, 4, 16.</summary>
[MemoryDiagnoser]
public class BulletproofsBenchmarks
{
    private RangeStatement _statement = null!;
    private RangeWitness _witness = null!;
    private GroupParameterSet _parameters = null!;
    private byte[] _proof = [];

    [Params(1, 4, 16)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var group = Ristretto255Group.Instance;
        _parameters = BulletproofsRangeProofSystem.Instance.ParametersFor(group);
        var values = Enumerable.Range(0, Values).Select(i => (ulong)Random.Shared.NextInt64()).ToArray();
        var blindings = values.Select(_ => group.RandomScalar()).ToArray();
        var commitments = values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, v), blindings[i])).ToArray();
        _statement = RangeStatement.ForValues(group, commitments, 64);
        _witness = new RangeWitness(values, blindings);
        _proof = BulletproofsRangeProofSystem.Instance.Prove(_statement, _witness, _parameters, []);
    }

    [Benchmark]
    public byte[] Prove() => BulletproofsRangeProofSystem.Instance.Prove(_statement, _witness, _parameters, []);

    [Benchmark]
    public bool Verify() => BulletproofsRangeProofSystem.Instance.Verify(_statement, _proof, _parameters, []).IsValid;
}

/// <summary>16 single-value 64-bit range proofs on ristretto255: one by one versus one batch.</summary>
[MemoryDiagnoser]
public class BulletproofsBatchBenchmarks
{
    private readonly List<SigmaBatchItem> _items = [];
    private GroupParameterSet _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var group = Ristretto255Group.Instance;
        _parameters = BulletproofsRangeProofSystem.Instance.ParametersFor(group);
        for (var i = 0; i < 16; i++)
        {
            var blinding = group.RandomScalar();
            var value = (ulong)Random.Shared.NextInt64();
            var commitment = PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, value), blinding);
            var statement = RangeStatement.ForValues(group, [commitment], 64);
            using var witness = new RangeWitness(value, blinding);
            _items.Add(new SigmaBatchItem(statement, BulletproofsRangeProofSystem.Instance.Prove(statement, witness, _parameters, []), ReadOnlyMemory<byte>.Empty));
        }
    }

    [Benchmark(Baseline = true)]
    public bool Verify16OneByOne()
    {
        var ok = true;
        foreach (var item in _items)
        {
            ok &= BulletproofsRangeProofSystem.Instance.Verify(item.Statement, item.Proof.Span, _parameters, item.Context.Span).IsValid;
        }

        return ok;
    }

    [Benchmark]
    public bool Verify16Batch() => BulletproofsRangeProofSystem.Instance.VerifyBatch(_items, _parameters).IsValid;
}
