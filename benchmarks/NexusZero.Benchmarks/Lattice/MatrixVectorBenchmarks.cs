using BenchmarkDotNet.Attributes;
using NexusZero.Lattices;

namespace NexusZero.Benchmarks.Lattice;

/// <summary>Â·v in the NTT domain for the ML-DSA shapes (k×l pointwise products and sums).</summary>
[MemoryDiagnoser]
public class MatrixVectorBenchmarks
{
    private PolynomialMatrix _matrix = null!;
    private PolynomialVector _vector = null!;
    private PolynomialVector _result = null!;

    [Params("4x4", "6x5", "8x7")]
    public string Shape { get; set; } = "4x4";

    [GlobalSetup]
    public void Setup()
    {
        int k = Shape[0] - '0';
        int l = Shape[2] - '0';
        _matrix = UniformSampler.ExpandA(new byte[32], k, l);
        _vector = new PolynomialVector(l);
        var random = new Random(2);
        for (int i = 0; i < _vector.Coefficients.Length; i++)
        {
            _vector.Coefficients[i] = random.Next(-Zq.Q + 1, Zq.Q);
        }

        _result = new PolynomialVector(k);
    }

    [Benchmark]
    public int MultiplyNtt()
    {
        _matrix.MultiplyNtt(_vector, _result);
        return _result.Coefficients[0];
    }

    [Benchmark]
    public int ExpandA() => UniformSampler.ExpandA(new byte[32], _matrix.Rows, _matrix.Columns)[0, 0][0];
}
