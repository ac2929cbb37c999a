using NexusZero.Optimization.Onnx;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx.Tests;

public sealed class CostModelTrainerTests
{
    [Fact]
    public void Training_on_the_committed_csv_gives_a_model_that_loads_and_predicts_exact_lattice_sizes()
    {
        CostSample[] samples = [.. File.ReadLines(CommittedCsv()).Skip(1).Select(CostSample.Parse)];
        Assert.True(samples.Length >= 20);
        (byte[] model, string summary) = CostModelTrainer.Train(samples);
        Assert.Contains("| mlwe |", summary, StringComparison.Ordinal);
        Assert.True(OnnxCostModel.TryLoad(model, out OnnxCostModel? loaded, out string? error), error);
        using (loaded)
        {
            CostSample lattice = samples.First(s => s.System == CostSample.ModuleLwe);
            float[] row = new float[CostFeatures.Count];
            lattice.Features(row);
            var prediction = new CostPrediction[1];
            Assert.True(loaded.TryPredict(row, 1, prediction, out error), error);
            Assert.InRange(prediction[0].ProofBytes, lattice.ProofBytes * 0.99, lattice.ProofBytes * 1.01);
            Assert.Equal(lattice.ProofBytes, ModuleLweProofSystem.ProofLength(ModuleLweParameters.Create(lattice.K, lattice.L, lattice.Gamma1Bits, lattice.Tau)));
        }
    }

    [Fact]
    public void Rows_round_trip_and_malformed_rows_are_refused()
    {
        var sample = new CostSample(CostSample.ModuleLwe, 0, 4, 4, 2, 17, 23, 0, 0, 3.5, 1234.5, 456.25, 4672);
        Assert.Equal(sample, CostSample.Parse(sample.ToCsv()));
        Assert.Throws<FormatException>(() => CostSample.Parse("mlwe,1,2"));
        Assert.Throws<FormatException>(() => CostSample.Parse("other,0,4,4,2,17,23,0,0,1,1,1,1"));
        Assert.Throws<ArgumentException>(() => CostModelTrainer.Train([sample]));
    }

    private static string CommittedCsv()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "results", "cost-model.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("benchmarks/results/cost-model.csv not found above the test directory");
    }
}
