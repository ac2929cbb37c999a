using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Benchmarks.Groups;

/// <summary>
/// ristretto255 field and point primitives, per operation. "Chain" runs dependent operations
/// (latency), "Throughput" four independent chains interleaved. The scalar and vector multiplications
/// both exist in the library, so they are compared side by side in one run.
/// </summary>
public class Ristretto255FieldBenchmarks
{
    private const int Steps = 64;

    private FieldElement _a;
    private FieldElement _b;
    private EdwardsPoint _p;
    private EdwardsPoint _q;
    private ProjectiveNielsPoint _qNiels;
    private AffineNielsPoint _qAffine;

    [GlobalSetup]
    public void Setup()
    {
        _a = new FieldElement(0x3a9f0c1d2e4b5, 0x1c2d3e4f50617, 0x7a6b5c4d3e2f1, 0x0f1e2d3c4b5a6, 0x55aa55aa55aa5);
        _b = new FieldElement(0x6a5b4c3d2e1f0, 0x0123456789abc, 0x7edcba9876543, 0x2468ace02468a, 0x13579bdf13579);
        _p = EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(3);
        _q = EdwardsPoint.BasePoint.MultiplyByPowerOfTwo(5).Add(EdwardsPoint.BasePoint);
        _qNiels = _q.ToProjectiveNiels();
        _qAffine = _q.ToAffineNiels();
    }

    /// <summary>Dependent multiplications, 64-bit scalar code.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong MultiplyScalarChain()
    {
        var x = _a;
        for (int i = 0; i < Steps; i++)
        {
            x = FieldElement.MultiplyScalar(x, _b);
        }

        return x.L0;
    }

    /// <summary>Dependent multiplications, mulx + AVX-512 code.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong MultiplyVectorChain()
    {
        var x = _a;
        for (int i = 0; i < Steps; i++)
        {
            x = FieldElement.MultiplyVector(x, _b);
        }

        return x.L0;
    }

    /// <summary>Four independent multiplication chains, scalar code.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong MultiplyScalarThroughput()
    {
        FieldElement x = _a, y = _b, z = _a, w = _b;
        for (int i = 0; i < Steps / 4; i++)
        {
            x = FieldElement.MultiplyScalar(x, _b);
            y = FieldElement.MultiplyScalar(y, _a);
            z = FieldElement.MultiplyScalar(z, _a);
            w = FieldElement.MultiplyScalar(w, _b);
        }

        return x.L0 ^ y.L0 ^ z.L0 ^ w.L0;
    }

    /// <summary>Four independent multiplication chains, vector code.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong MultiplyVectorThroughput()
    {
        FieldElement x = _a, y = _b, z = _a, w = _b;
        for (int i = 0; i < Steps / 4; i++)
        {
            x = FieldElement.MultiplyVector(x, _b);
            y = FieldElement.MultiplyVector(y, _a);
            z = FieldElement.MultiplyVector(z, _a);
            w = FieldElement.MultiplyVector(w, _b);
        }

        return x.L0 ^ y.L0 ^ z.L0 ^ w.L0;
    }

    /// <summary>Dependent squarings.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong SquareChain()
    {
        var x = _a;
        for (int i = 0; i < Steps; i++)
        {
            x = x.Square();
        }

        return x.L0;
    }

    /// <summary>Four independent squaring chains.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong SquareThroughput()
    {
        FieldElement x = _a, y = _b, z = _a + _b, w = _b - _a;
        for (int i = 0; i < Steps / 4; i++)
        {
            x = x.Square();
            y = y.Square();
            z = z.Square();
            w = w.Square();
        }

        return x.L0 ^ y.L0 ^ z.L0 ^ w.L0;
    }

    /// <summary>Field inversion (Fermat, 254 squarings and 11 multiplications).</summary>
    [Benchmark]
    public ulong Invert() => _a.Invert().L0;

    /// <summary>Extended + affine Niels, result in extended coordinates (fixed-base tables).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong AddAffineNiels()
    {
        var p = _p;
        for (int i = 0; i < Steps; i++)
        {
            p = CompletedPoint.Add(p, _qAffine).ToExtended();
        }

        return p.X.L0 ^ p.Z.L0;
    }

    /// <summary>Extended + projective Niels, result in extended coordinates (variable-base tables).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong AddProjectiveNiels()
    {
        var p = _p;
        for (int i = 0; i < Steps; i++)
        {
            p = CompletedPoint.Add(p, _qNiels).ToExtended();
        }

        return p.X.L0 ^ p.Z.L0;
    }

    /// <summary>Extended + extended.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong AddExtended()
    {
        var p = _p;
        for (int i = 0; i < Steps; i++)
        {
            p = p.Add(_q);
        }

        return p.X.L0 ^ p.Z.L0;
    }

    /// <summary>Projective doubling back to projective (the step of a doubling chain).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong DoubleProjective()
    {
        var p = _p.ToProjective();
        for (int i = 0; i < Steps; i++)
        {
            p = p.Double().ToProjective();
        }

        return p.X.L0 ^ p.Z.L0;
    }

    /// <summary>Extended doubling (2·P in extended coordinates).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public ulong DoubleExtended()
    {
        var p = _p;
        for (int i = 0; i < Steps; i++)
        {
            p = p.Double();
        }

        return p.X.L0 ^ p.Z.L0;
    }
}
