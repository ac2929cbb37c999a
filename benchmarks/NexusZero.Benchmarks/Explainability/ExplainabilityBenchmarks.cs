using BenchmarkDotNet.Attributes;
using NexusZero.Explainability;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Shap;

namespace NexusZero.Benchmarks.Explainability;

/// <summary>
/// The speed targets: a 12-32-1 MLP with a 100-row background. Per-row methods explain one row per
/// invocation; the two batch methods explain 100 rows on one core and on two.
/// </summary>
[MemoryDiagnoser]
public class ExplainabilityBenchmarks
{
    private DenseModel _model = null!;
    private BackgroundData _background = null!;
    private double[][] _one = null!;
    private double[][] _hundred = null!;
    private ExactShapExplainer _exact = null!;
    private KernelShapExplainer _kernel = null!;
    private PermutationShapExplainer _permutation = null!;
    private LimeTabularExplainer _lime = null!;
    private KernelShapExplainer _kernelOneCore = null!;
    private KernelShapExplainer _kernelTwoCores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        var w1 = new double[32, 12];
        var w2 = new double[1, 32];
        for (int h = 0; h < 32; h++)
        {
            for (int i = 0; i < 12; i++)
            {
                w1[h, i] = random.NextDouble() - 0.5;
            }

            w2[0, h] = random.NextDouble() - 0.5;
        }

        _model = new DenseModel(
        [
            new DenseLayer(w1, [.. Enumerable.Range(0, 32).Select(_ => random.NextDouble() - 0.5)], Activation.Relu),
            new DenseLayer(w2, [0.1], Activation.Sigmoid),
        ]);
        var rows = Enumerable.Range(0, 1000).Select(_ => Enumerable.Range(0, 12).Select(_ => (random.NextDouble() * 4) - 2).ToArray()).ToArray();
        _background = BackgroundData.Sample(rows, 100, seed: 1);
        _one = [rows[500]];
        _hundred = rows[600..700];
        _exact = new ExactShapExplainer(_model, _background);
        _kernel = new KernelShapExplainer(_model, _background, new KernelShapOptions { Seed = 1 });
        _permutation = new PermutationShapExplainer(_model, _background, new PermutationShapOptions { Seed = 1 });
        _lime = new LimeTabularExplainer(_model, _background, new LimeOptions { Seed = 1 });
        _kernelOneCore = new KernelShapExplainer(_model, _background, new KernelShapOptions { Seed = 1, MaxDegreeOfParallelism = 1 });
        _kernelTwoCores = new KernelShapExplainer(_model, _background, new KernelShapOptions { Seed = 1, MaxDegreeOfParallelism = 2 });
    }

    [Benchmark]
    public Explanation ExactShap_1Row() => _exact.Explain(_one);

    [Benchmark]
    public Explanation KernelShap_DefaultBudget_1Row() => _kernel.Explain(_one);

    [Benchmark]
    public Explanation PermutationShap_10Pairs_1Row() => _permutation.Explain(_one);

    [Benchmark]
    public Explanation Lime_5000Samples_1Row() => _lime.Explain(_one);

    [Benchmark]
    public Explanation KernelShap_100Rows_OneCore() => _kernelOneCore.Explain(_hundred);

    [Benchmark]
    public Explanation KernelShap_100Rows_TwoCores() => _kernelTwoCores.Explain(_hundred);
}
