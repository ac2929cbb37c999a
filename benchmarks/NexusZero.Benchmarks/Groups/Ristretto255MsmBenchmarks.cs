using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Benchmarks.Groups;

/// <summary>Variable-time multi-scalar multiplication on ristretto255 (Straus below, Pippenger from the threshold up).</summary>
[MemoryDiagnoser]
public class Ristretto255MsmBenchmarks
{
    private GroupScalar[] _scalars = [];
    private GroupElement[] _elements = [];

    /// <summary>Number of terms.</summary>
    [Params(64, 256, 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var group = Ristretto255Group.Instance;
        var random = new Random(11);
        var bytes = new byte[64];
        _scalars = new GroupScalar[Size];
        _elements = new GroupElement[Size];
        for (int i = 0; i < Size; i++)
        {
            random.NextBytes(bytes);
            _scalars[i] = group.ScalarFromUniformBytes(bytes);
            random.NextBytes(bytes);
            _elements[i] = group.ElementFromUniformBytes(bytes);
        }
    }

    /// <summary>Σ kᵢ·Pᵢ through the public group interface.</summary>
    [Benchmark]
    public GroupElement MultiScalarMultiply() => Ristretto255Group.Instance.MultiScalarMultiplyVarTime(_scalars, _elements);
}
