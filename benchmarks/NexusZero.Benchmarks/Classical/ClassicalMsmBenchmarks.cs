using BenchmarkDotNet.Attributes;
using NexusZero.Groups;

namespace NexusZero.Benchmarks.Classical;

/// <summary>Variable-time multi-scalar multiplication (Straus / Pippenger) in both groups.</summary>
[MemoryDiagnoser]
public class ClassicalMsmBenchmarks
{
    private GroupScalar[] _scalars = [];
    private GroupElement[] _points = [];
    private IPrimeOrderGroup _group = null!;

    [Params("ristretto255", "secp256k1")]
    public string Group { get; set; } = "ristretto255";

    [Params(64, 256, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _group = BenchmarkGroups.ByName(Group);
        _scalars = Enumerable.Range(0, Size).Select(_ => _group.RandomScalar()).ToArray();
        _points = Enumerable.Range(0, Size).Select(_ => _group.MultiplyBase(_group.RandomScalar())).ToArray();
    }

    [Benchmark]
    public GroupElement Msm() => _group.MultiScalarMultiplyVarTime(_scalars, _points);
}
