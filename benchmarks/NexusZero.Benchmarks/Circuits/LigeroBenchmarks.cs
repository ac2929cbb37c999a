using BenchmarkDotNet.Attributes;
using NexusZero.Circuits;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// Ligero (post-quantum backend) proving and verifying the multiplication chain of <see cref="Bn254Benchmarks.Chain"/>
/// at 128 bits; the proof size is fixed by the layout and printed by <see cref="LigeroQuickMeasurement"/>.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*LigeroBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class LigeroBenchmarks
{
    private BuiltCircuit _circuit = null!;
    private CircuitStatement _statement = null!;
    private byte[] _proof = null!;

    /// <summary>Constraints in the proved circuit.</summary>
    [Params(1 << 12, 1 << 16)]
    public int Constraints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _circuit = Bn254Benchmarks.Chain(CircuitBuilder.ForProving(), Constraints);
        _statement = new CircuitStatement(_circuit.System, _circuit.PublicValues);
        _proof = LigeroProve();
    }

    [Benchmark]
    public byte[] LigeroProve()
    {
        using var witness = new CircuitAssignment(_circuit.System, _circuit.Witness);
        return LigeroProofSystem.Instance.Prove(_statement, witness, LigeroParameters.Bits128, []);
    }

    [Benchmark]
    public VerificationResult LigeroVerify() => LigeroProofSystem.Instance.Verify(_statement, _proof, LigeroParameters.Bits128, []);
}
