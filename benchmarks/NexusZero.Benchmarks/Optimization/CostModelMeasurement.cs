using System.Diagnostics;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Optimization.Onnx;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Optimization;

/// <summary>
/// Measures the cost model's training data (benchmarks/scripts/cost-model-train.sh): every Module-LWE candidate
/// the optimizer can offer for a few statement shapes at 128/192/256 bits, and Bulletproofs over both groups at
/// several bit sizes and aggregation counts. Medians of a few runs; seconds to a minute on one core.
/// </summary>
internal static class CostModelMeasurement
{
    private static readonly (int K, int L, int Eta)[] Shapes = [(4, 4, 2), (5, 4, 2), (6, 5, 4), (8, 7, 2)];

    /// <summary>Measures and writes the CSV to <paramref name="csvPath"/>; then trains and writes the model and its summary.</summary>
    public static void Run(string csvPath, string modelPath, string summaryPath, int runs)
    {
        var samples = new List<CostSample>();
        var seen = new HashSet<ushort>();
        foreach ((int k, int l, int eta) in Shapes)
        {
            (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(SHA256.HashData([(byte)k, (byte)l, (byte)eta]), k, l, eta);
            using (witness)
            {
                foreach (int level in ModuleLweParameterSelector.SupportedLevels)
                {
                    foreach (ModuleLweParameters set in CostCandidates.ModuleLwe(ModuleLweProofSystem.Instance, statement, level).Sets)
                    {
                        if (seen.Add(set.Id))
                        {
                            samples.Add(MeasureLattice(statement, witness, set, runs));
                        }
                    }
                }
            }
        }

        foreach (IPrimeOrderGroup group in SigmaGroups.Shipped)
        {
            foreach (int bits in new[] { 8, 32, 64 })
            {
                for (int m = 1; m <= 16; m *= 2)
                {
                    samples.Add(MeasureRange(group, bits, m, Math.Max(1, runs / 2)));
                }
            }
        }

        File.WriteAllLines(csvPath, [CostSample.Header, .. samples.Select(s => s.ToCsv())]);
        Train(csvPath, modelPath, summaryPath);
    }

    /// <summary>Trains from an existing CSV.</summary>
    public static void Train(string csvPath, string modelPath, string summaryPath)
    {
        CostSample[] samples = [.. File.ReadLines(csvPath).Skip(1).Select(CostSample.Parse)];
        (byte[] model, string summary) = CostModelTrainer.Train(samples);
        File.WriteAllBytes(modelPath, model);
        File.WriteAllText(summaryPath, $"# Cost-model training data\n\n{samples.Length} rows measured by benchmarks/scripts/cost-model-train.sh ({Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}); features: src/NexusZero.Optimization.Onnx/CostFeatures.cs.\n\n{summary}");
        Console.WriteLine(summary);
    }

    private static CostSample MeasureLattice(ModuleLweStatement statement, ModuleLweWitness witness, ModuleLweParameters set, int runs)
    {
        var system = ModuleLweProofSystem.Instance;
        double[] prove = new double[runs];
        double[] verify = new double[runs];
        byte[] proof = [];
        for (int i = 0; i < runs; i++)
        {
            byte[] context = [(byte)i];
            long start = Stopwatch.GetTimestamp();
            proof = system.Prove(statement, witness, set, context);
            prove[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            bool ok = system.Verify(statement, proof, set, context).IsValid;
            verify[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (!ok)
            {
                throw new InvalidOperationException($"{set.Name} produced a proof that does not verify.");
            }
        }

        double reps = ModuleLweParameterSelector.Evaluate(set, statement.Eta).ExpectedRepetitions;

        // Proving time is a mean over runs (rejection sampling makes each run geometric); verification a median.
        return new CostSample(CostSample.ModuleLwe, 0, set.K, set.L, statement.Eta, set.Gamma1Bits, set.Tau, 0, 0, reps, prove.Average(), Median(verify), proof.Length);
    }

    private static CostSample MeasureRange(IPrimeOrderGroup group, int bits, int m, int runs)
    {
        var system = BulletproofsRangeProofSystem.Instance;
        ParameterSet parameters = system.ParametersFor(group);
        ulong[] values = [.. Enumerable.Range(0, m).Select(i => (ulong)(i + 1))];
        GroupScalar[] blindings = [.. values.Select(_ => group.RandomScalar())];
        GroupElement[] commitments = [.. values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, v), blindings[i]))];
        var statement = RangeStatement.ForValues(group, commitments, bits);
        var witness = new RangeWitness(values, blindings);
        double[] prove = new double[runs];
        double[] verify = new double[runs];
        byte[] proof = [];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            proof = system.Prove(statement, witness, parameters, []);
            prove[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            bool ok = system.Verify(statement, proof, parameters, []).IsValid;
            verify[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (!ok)
            {
                throw new InvalidOperationException($"A {bits}-bit × {m} range proof does not verify.");
            }
        }

        return new CostSample(CostSample.RangeProof, group.Id, 0, 0, 0, 0, 0, bits, m, 1, Median(prove), Median(verify), proof.Length);
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }
}
