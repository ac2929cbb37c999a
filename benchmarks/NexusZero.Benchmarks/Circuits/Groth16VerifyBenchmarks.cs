using BenchmarkDotNet.Attributes;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// Groth16 verification with <see cref="PublicInputs"/> public inputs (issue #14): three pairings plus an MSM
/// of the public inputs over the verifying key's IC points, so the cost grows slowly with their number.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Groth16VerifyBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class Groth16VerifyBenchmarks
{
    private Groth16VerifyingKey _key = null!;
    private IReadOnlyList<FieldElement> _publicValues = [];
    private Groth16Proof _proof = null!;

    /// <summary>Public inputs of the verified circuit.</summary>
    [Params(1, 16)]
    public int PublicInputs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var keys = Groth16DevelopmentSetup.CreateKeys(Squares(CircuitBuilder.ForSetup(), PublicInputs).System);
        var circuit = Squares(CircuitBuilder.ForProving(), PublicInputs);
        _key = keys.VerifyingKey;
        _publicValues = circuit.PublicValues;
        _proof = Groth16Prover.Prove(keys, circuit.System, circuit.Witness);
        if (!Groth16Verifier.Verify(_key, _publicValues, _proof).IsValid)
        {
            throw new InvalidOperationException("The benchmark's proof does not verify.");
        }
    }

    [Benchmark]
    public bool Groth16Verify() => Groth16Verifier.Verify(_key, _publicValues, _proof).IsValid;

    /// <summary>Public inputs xᵢ = i + 2 and a secret w = Σ xᵢ²: one constraint per input, plus one.</summary>
    internal static BuiltCircuit Squares(CircuitBuilder builder, int publicInputs)
    {
        var sum = LinearCombination.Zero;
        for (var i = 0; i < publicInputs; i++)
        {
            var x = builder.PublicInput($"x{i}", FieldElement.FromUInt64((ulong)i + 2));
            sum += builder.Multiply(x, x);
        }

        var w = builder.Witness(() => builder.ValueOf(sum));
        builder.AssertEqual(w, sum);
        return builder.Build();
    }
}
