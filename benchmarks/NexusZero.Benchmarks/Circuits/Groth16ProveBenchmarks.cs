using BenchmarkDotNet.Attributes;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// Groth16 proving for a chain of <see cref="Constraints"/> multiplications (issue #14's 2^16 target; 2^10 is in
/// <see cref="Bn254Benchmarks"/>, 2^20 in <see cref="Bn254LargeBenchmarks"/>). The key setup in GlobalSetup is slow
/// at 2^16 and one proof takes seconds, hence one warm-up and three iterations.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Groth16ProveBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class Groth16ProveBenchmarks
{
    private Groth16ProvingKey _key = null!;
    private BuiltCircuit _circuit = null!;

    /// <summary>Constraints in the proved circuit.</summary>
    [Params(1 << 16)]
    public int Constraints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = Groth16DevelopmentSetup.CreateKeys(Bn254Benchmarks.Chain(CircuitBuilder.ForSetup(), Constraints).System);
        _circuit = Bn254Benchmarks.Chain(CircuitBuilder.ForProving(), Constraints);
    }

    [Benchmark]
    public Groth16Proof Groth16Prove() => Groth16Prover.Prove(_key, _circuit.System, _circuit.Witness);
}
