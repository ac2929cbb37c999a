using System.Diagnostics;
using System.Globalization;
using NexusZero.Circuits;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// A short Stopwatch measurement (median of a few runs, not BenchmarkDotNet) of Ligero at both parameter sets and of
/// Groth16 on the same circuit, for docs/benchmarks.md on a shared machine where a full BenchmarkDotNet run is too long.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- ligero-quick 12 16 [groth16] [runs=N] [set=Ligero-128]
/// </summary>
internal static class LigeroQuickMeasurement
{
    public static void Run(IReadOnlyList<int> logSizes, bool withGroth16, int runs = 3, string? onlySet = null)
    {
        Console.WriteLine("| constraints | backend | set | prove (median) | verify (median) | proof bytes |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var log in logSizes)
        {
            var circuit = Bn254Benchmarks.Chain(CircuitBuilder.ForProving(), 1 << log);
            var statement = new CircuitStatement(circuit.System, circuit.PublicValues);
            foreach (var parameters in LigeroParameters.All.Where(p => onlySet is null || p.Name == onlySet))
            {
                byte[] proof = [];
                var prove = Median(runs, () =>
                {
                    using var witness = new CircuitAssignment(circuit.System, circuit.Witness);
                    proof = LigeroProofSystem.Instance.Prove(statement, witness, parameters, []);
                });
                var verify = Median(runs, () =>
                {
                    if (!LigeroProofSystem.Instance.Verify(statement, proof, parameters, []).IsValid)
                    {
                        throw new InvalidOperationException("An honest proof failed.");
                    }
                });
                Row(log, "Ligero", parameters.Name, prove, verify, proof.Length);
            }

            if (withGroth16)
            {
                var key = Groth16DevelopmentSetup.CreateKeys(circuit.System);
                Groth16Proof groth16 = null!;
                var prove = Median(3, () => groth16 = Groth16Prover.Prove(key, circuit.System, circuit.Witness));
                var verify = Median(3, () => Groth16Verifier.Verify(key.VerifyingKey, circuit.PublicValues, groth16));
                Row(log, "Groth16", "BN254", prove, verify, Groth16Proof.EncodedLength);
            }
        }
    }

    private static void Row(int log, string backend, string set, double prove, double verify, int bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 2^{log} | {backend} | {set} | {prove:F0} ms | {verify:F1} ms | {bytes:N0} |"));

    private static double Median(int runs, Action action)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }
}
