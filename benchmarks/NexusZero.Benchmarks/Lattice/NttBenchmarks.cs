using BenchmarkDotNet.Attributes;
using NexusZero.Lattices;

namespace NexusZero.Benchmarks.Lattice;

/// <summary>Forward and inverse NTT of one polynomial on each backend.</summary>
[MemoryDiagnoser]
public class NttBenchmarks
{
    private readonly int[] _input = new int[Polynomial.N];
    private readonly int[] _work = new int[Polynomial.N];

    private NttBackend _backend;

    [Params("Scalar", "Vector128", "Avx2")]
    public string Backend { get; set; } = "Scalar";

    [GlobalSetup]
    public void Setup()
    {
        _backend = Enum.Parse<NttBackend>(Backend);
        var random = new Random(1);
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = random.Next(0, Zq.Q);
        }
    }

    [Benchmark]
    public int Forward()
    {
        _input.CopyTo(_work, 0);
        Ntt.Forward(_work, _backend);
        return _work[0];
    }

    [Benchmark]
    public int Inverse()
    {
        _input.CopyTo(_work, 0);
        Ntt.InverseToMontgomery(_work, _backend);
        return _work[0];
    }
}
