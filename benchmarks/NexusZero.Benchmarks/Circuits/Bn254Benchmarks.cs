using BenchmarkDotNet.Attributes;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Proofs.Groth16;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// BN254 and Groth16 (issue #14): Fp multiplication, one pairing, a 3-pairing multi-pairing, G1 MSM,
/// FFT, Groth16 verify with 1 public input and prove for a chain of <see cref="Constraints"/> multiplications.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Bn254Benchmarks*'
/// </summary>
[MemoryDiagnoser]
public class Bn254Benchmarks
{
    private Fp _a;
    private Fp _b;
    private G1Point _p;
    private G2Point _q;
    private (G1Point, G2Point)[] _three = [];
    private Fr[] _scalars = [];
    private G1Point[] _points = [];
    private Fr[] _fft = [];
    private FrDomain _domain = null!;
    private Groth16ProvingKey _key = null!;
    private BuiltCircuit _circuit = null!;
    private Groth16Proof _proof = null!;

    /// <summary>Constraints in the proved circuit and points in the MSM.</summary>
    [Params(1024)]
    public int Constraints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = Fp.FromUInt64((ulong)random.NextInt64());
        _b = Fp.FromUInt64((ulong)random.NextInt64());
        _p = Bn254Encoding.G1Generator.Multiply(Scalar(random));
        _q = Bn254Encoding.G2Generator.Multiply(Scalar(random));
        _three = [(_p, _q), (_p.Double(), _q), (_p, _q.Double())];
        _scalars = Enumerable.Range(0, Constraints).Select(_ => Scalar(random)).ToArray();
        _points = Enumerable.Range(0, Constraints).Select(_ => Bn254Encoding.G1Generator.Multiply(Scalar(random))).ToArray();
        _domain = new FrDomain(16);
        _fft = Enumerable.Range(0, _domain.Size).Select(_ => Scalar(random)).ToArray();
        _key = Groth16DevelopmentSetup.CreateKeys(Chain(CircuitBuilder.ForSetup(), Constraints).System);
        _circuit = Chain(CircuitBuilder.ForProving(), Constraints);
        _proof = Groth16Prover.Prove(_key, _circuit.System, _circuit.Witness);
    }

    [Benchmark]
    public int FpMultiply() => (_a * _b).GetHashCode();

    [Benchmark]
    public bool Pairing() => Bn254Pairing.Pair(_p, _q).IsOne;

    [Benchmark]
    public bool MultiPairing3() => Bn254Pairing.MultiPair(_three).IsOne;

    [Benchmark]
    public bool G1Msm() => Pippenger.Multiply<Fp, G1Curve>(_scalars, _points).IsIdentity;

    [Benchmark]
    public bool Fft65536()
    {
        _domain.Forward(_fft);
        return _fft[1].IsZero;
    }

    [Benchmark]
    public bool Groth16Verify() => Groth16Verifier.Verify(_key.VerifyingKey, _circuit.PublicValues, _proof).IsValid;

    [Benchmark]
    public Groth16Proof Groth16Prove() => Groth16Prover.Prove(_key, _circuit.System, _circuit.Witness);

    /// <summary>x₀ = 3, xᵢ₊₁ = xᵢ² + i, n constraints, the last value public.</summary>
    internal static BuiltCircuit Chain(CircuitBuilder builder, int constraints)
    {
        var x = builder.Witness(FieldElement.FromUInt64(3));
        LinearCombination current = x;
        for (var i = 0; i < constraints - 1; i++)
        {
            current = builder.Multiply(current, current) + FieldElement.FromUInt64((ulong)i);
        }

        builder.PublicOutput("y", current);
        return builder.Build();
    }

    private static Fr Scalar(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        bytes[0] &= 0x1F;
        return Fr.FromBigEndianReduced(bytes);
    }
}
