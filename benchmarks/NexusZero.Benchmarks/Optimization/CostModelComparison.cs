using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NexusZero.Optimization;
using NexusZero.Optimization.Onnx;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Benchmarks.Optimization;

/// <summary>
/// Side by side (docs/benchmarks.md, "ONNX cost-model optimizer"): per workload, the set the heuristic and the
/// cost model (proving-time objective) choose, and the measured mean proving time, median verification time
/// and proof size of each choice, interleaved run by run so drift hits both alike.
/// </summary>
internal static class CostModelComparison
{
    private static readonly (int K, int L, int Eta, int Level)[] Workloads = [(4, 4, 2, 128), (5, 4, 2, 128), (6, 5, 4, 192), (8, 7, 2, 128), (8, 7, 2, 192), (8, 7, 2, 256)];

    public static void Run(int runs)
    {
        var onnx = new OnnxCostModelOptimizer(CostObjective.ProvingTime);
        Console.WriteLine("| workload | heuristic | prove µs | verify µs | bytes | cost model | prove µs | verify µs | bytes |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach ((int k, int l, int eta, int level) in Workloads)
        {
            (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(SHA256.HashData([(byte)k, (byte)l, (byte)eta, 1]), k, l, eta);
            using (witness)
            {
                var request = new ParameterRequest(ModuleLweProofSystem.Instance, statement, level);
                var heuristic = (ModuleLweParameters)HeuristicOptimizer.Instance.Select(request);
                var model = (ModuleLweParameters)onnx.Select(request);
                var a = new double[2][];
                var b = new double[2][];
                a[0] = new double[runs];
                a[1] = new double[runs];
                b[0] = new double[runs];
                b[1] = new double[runs];
                for (int i = 0; i < runs; i++)
                {
                    Measure(statement, witness, heuristic, i, a, i);
                    Measure(statement, witness, model, i, b, i);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {k}×{l}, η={eta}, {level} bits | {heuristic.Name} | {a[0].Average():F0} | {Median(a[1]):F0} | {ModuleLweProofSystem.ProofLength(heuristic)} | {model.Name} | {b[0].Average():F0} | {Median(b[1]):F0} | {ModuleLweProofSystem.ProofLength(model)} |"));
            }
        }
    }

    private static void Measure(ModuleLweStatement statement, ModuleLweWitness witness, ModuleLweParameters set, int run, double[][] into, int index)
    {
        byte[] context = BitConverter.GetBytes(run);
        long start = Stopwatch.GetTimestamp();
        byte[] proof = ModuleLweProofSystem.Instance.Prove(statement, witness, set, context);
        into[0][index] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        start = Stopwatch.GetTimestamp();
        _ = ModuleLweProofSystem.Instance.Verify(statement, proof, set, context);
        into[1][index] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
