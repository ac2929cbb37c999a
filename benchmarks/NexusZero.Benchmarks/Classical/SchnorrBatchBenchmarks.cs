using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Classical;

/// <summary>64 Schnorr proofs: one by one versus one batch (same proofs, same run).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SchnorrBatchBenchmarks
{
    private readonly List<SigmaBatchItem> _items = [];
    private GroupParameterSet _parameters = null!;

    [Params("ristretto255", "secp256k1")]
    public string Group { get; set; } = "ristretto255";

    [GlobalSetup]
    public void Setup()
    {
        var group = BenchmarkGroups.ByName(Group);
        _parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        for (var i = 0; i < 64; i++)
        {
            var x = group.RandomScalar();
            var statement = new DiscreteLogStatement(group, group.MultiplyBase(x));
            using var witness = new DiscreteLogWitness(x);
            _items.Add(new SigmaBatchItem(statement, SchnorrProofSystem.Instance.Prove(statement, witness, _parameters, []), ReadOnlyMemory<byte>.Empty));
        }
    }

    [Benchmark(Baseline = true)]
    public bool Verify64OneByOne()
    {
        var ok = true;
        foreach (var item in _items)
        {
            ok &= SchnorrProofSystem.Instance.Verify(item.Statement, item.Proof.Span, _parameters, item.Context.Span).IsValid;
        }

        return ok;
    }

    [Benchmark]
    public bool Verify64Batch() => SchnorrBatchVerifier.Verify(_items, _parameters).IsValid;

    /// <summary>The group-generic batch path (GroupScalar/GroupElement objects, MsmAccumulator), which ristretto255 used before its own path.</summary>
    [Benchmark]
    public bool Verify64BatchGeneric() => SchnorrBatchVerifier.Verify(_items, _parameters, groupPath: false).IsValid;
}
