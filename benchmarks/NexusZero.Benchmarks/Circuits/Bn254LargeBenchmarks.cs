using BenchmarkDotNet.Attributes;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Proofs.Groth16;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// Issue #14's 2^20 cases, kept apart because they are heavy: G1 and G2 MSM of 2^20 points (about 100 MB and
/// 200 MB of points), an FFT of 2^20 values, and a Groth16 proof of 2^20 constraints, whose key setup in
/// GlobalSetup is slow and needs much memory (not measured on the 2-core development machine). Each benchmark
/// has its own GlobalSetup, so run them one at a time, e.g.
/// dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Bn254LargeBenchmarks.G1Msm*'
/// or all with --anyCategories Large. One warm-up and three iterations: each operation takes seconds.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Large")]
[WarmupCount(1)]
[IterationCount(3)]
public class Bn254LargeBenchmarks
{
    private Fr[] _scalars = [];
    private G1Point[] _g1 = [];
    private G2Point[] _g2 = [];
    private Fr[] _fft = [];
    private FrDomain _domain = null!;
    private Groth16ProvingKey _key = null!;
    private BuiltCircuit _circuit = null!;

    /// <summary>Points, FFT size and constraints.</summary>
    [Params(1 << 20)]
    public int Size { get; set; }

    [GlobalSetup(Target = nameof(G1Msm))]
    public void SetupG1()
    {
        var random = new Random(4);
        _scalars = Bn254BenchmarkData.Scalars(random, Size);
        _g1 = Bn254BenchmarkData.Points(random, Bn254Encoding.G1Generator, Size);
    }

    [GlobalSetup(Target = nameof(G2Msm))]
    public void SetupG2()
    {
        var random = new Random(5);
        _scalars = Bn254BenchmarkData.Scalars(random, Size);
        _g2 = Bn254BenchmarkData.Points(random, Bn254Encoding.G2Generator, Size);
    }

    [GlobalSetup(Target = nameof(Fft))]
    public void SetupFft()
    {
        _domain = FrDomain.ForAtLeast(Size);
        _fft = Bn254BenchmarkData.Scalars(new Random(6), _domain.Size);
    }

    [GlobalSetup(Target = nameof(Groth16Prove))]
    public void SetupProve()
    {
        // The QAP domain holds the constraints plus one row per public input and the constant: 2^20 − 2 constraints
        // with one public output fill the 2^20 domain exactly (2^20 constraints would need a 2^21 domain).
        var constraints = Size - 2;
        _key = Groth16DevelopmentSetup.CreateKeys(Bn254Benchmarks.Chain(CircuitBuilder.ForSetup(), constraints).System);
        _circuit = Bn254Benchmarks.Chain(CircuitBuilder.ForProving(), constraints);
    }

    [Benchmark]
    public bool G1Msm() => Pippenger.Multiply<Fp, G1Curve>(_scalars, _g1).IsIdentity;

    [Benchmark]
    public bool G2Msm() => Pippenger.Multiply<Fp2, G2Curve>(_scalars, _g2).IsIdentity;

    [Benchmark]
    public bool Fft()
    {
        _domain.Forward(_fft);
        return _fft[1].IsZero;
    }

    [Benchmark]
    public Groth16Proof Groth16Prove() => Groth16Prover.Prove(_key, _circuit.System, _circuit.Witness);
}
