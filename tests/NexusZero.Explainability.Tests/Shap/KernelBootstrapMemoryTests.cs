using NexusZero.Explainability.Models;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Shap;

/// <summary>The Kernel SHAP bootstrap keeps its memory bounded for many features without changing what it computes.</summary>
public sealed class KernelBootstrapMemoryTests
{
    [Fact]
    public void Direct_accumulation_equals_precomputed_rows()
    {
        const int m = 7;
        var random = new Random(5);
        int count = 40;
        var masks = new byte[count * m];
        for (int i = 0; i < masks.Length; i++)
        {
            masks[i] = (byte)random.Next(2);
        }

        var solver = new ConstrainedKernelSolver(masks, m, [.. Enumerable.Range(0, m)]);
        var weights = Enumerable.Range(0, count).Select(i => i % 5 == 0 ? 0 : random.NextDouble()).ToArray();
        var targets = Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        const double delta = 0.7;
        const int start = 6;

        var packed = new double[(count - start) * solver.PackedLength];
        solver.Pack(targets, delta, start, count, packed);
        var viaRows = new double[solver.PackedLength];
        solver.AccumulatePacked(weights, start, count - start, packed, viaRows);

        var direct = new double[solver.PackedLength];
        solver.AccumulateDirect(weights, targets, delta, start, count, direct);

        Assert.Equal(viaRows.Length, direct.Length);
        for (int i = 0; i < direct.Length; i++)
        {
            Assert.Equal(viaRows[i], direct[i], 1e-12);
        }
    }

    [Fact]
    public void Many_features_do_not_precompute_the_bootstrap_rows()
    {
        // 300 features, default budget 2648 coalitions: precomputed rows would take 2648 × 45,450 doubles ≈ 963 MB.
        const int features = 300;
        var model = DenseModel.Linear([.. Enumerable.Range(0, features).Select(i => (i % 7) - 3.0)], 0.5);
        var background = TestModels.Background(2, features, seed: 1);
        var explainer = new KernelShapExplainer(model, background, new KernelShapOptions { BootstrapReplicates = 2, Seed = 3 });
        var instance = TestModels.Rows(1, features, seed: 2);
        // Per-thread count: the call runs on this thread (one row, no parallelism), and other tests allocate concurrently.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var explanation = explainer.Explain(instance);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 128L << 20, $"Kernel SHAP on {features} features allocated {allocated >> 20} MiB.");
        Assert.NotNull(explanation.GetStandardError(0, 0, 0));
    }
}
