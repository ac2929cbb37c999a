using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// G1 and G2 multi-scalar multiplication (Pippenger) of <see cref="Points"/> random scalars and points (issue #14).
/// The 2^20 case is in <see cref="Bn254LargeBenchmarks"/>.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Bn254MsmBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class Bn254MsmBenchmarks
{
    private Fr[] _scalars = [];
    private G1Point[] _g1 = [];
    private G2Point[] _g2 = [];

    /// <summary>Number of points.</summary>
    [Params(1 << 10, 1 << 16)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        _scalars = Bn254BenchmarkData.Scalars(random, Points);
        _g1 = Bn254BenchmarkData.Points(random, Bn254Encoding.G1Generator, Points);
        _g2 = Bn254BenchmarkData.Points(random, Bn254Encoding.G2Generator, Points);
    }

    [Benchmark]
    public bool G1Msm() => Pippenger.Multiply<Fp, G1Curve>(_scalars, _g1).IsIdentity;

    [Benchmark]
    public bool G2Msm() => Pippenger.Multiply<Fp2, G2Curve>(_scalars, _g2).IsIdentity;
}
