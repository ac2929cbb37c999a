using System.Buffers;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Kernel SHAP (Lundberg and Lee, 2017): Shapley values as the solution of a Shapley-kernel weighted least squares
/// over coalitions, with the small and large subset sizes enumerated while the budget covers them, paired
/// (complement) sampling for the rest, and the efficiency constraint solved exactly. With a budget covering all
/// 2^M − 2 coalitions the result equals exact Shapley values. Standard errors come from a bootstrap over the sampled
/// coalition draws (the enumerated part has no sampling error); see docs/architecture.md.
/// </summary>
public sealed class KernelShapExplainer : IExplainer
{
    /// <summary>Added to 2·M for the default budget.</summary>
    public const int DefaultBudgetExtra = 2048;

    /// <summary>Cap on the bootstrap's precomputed rows (8 Mi doubles, 64 MiB) across all outputs.</summary>
    internal const long MaxPackedBootstrapDoubles = 8L << 20;

    private readonly ExplainerSetup _setup;
    private readonly KernelShapOptions _options;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="background">The background data.</param>
    /// <param name="options">Options, including the seed.</param>
    /// <exception cref="ArgumentException">Shapes disagree or an option is out of range.</exception>
    public KernelShapExplainer(IBatchModel model, BackgroundData background, KernelShapOptions? options = null)
    {
        _options = options ?? new KernelShapOptions();
        _setup = ExplainerSetup.Create(model, background, _options);
        if (_options.Budget is < 1)
        {
            throw new ArgumentException("The Kernel SHAP budget must be positive.", nameof(options));
        }

        if (_options.L1FeatureCount is < 1)
        {
            throw new ArgumentException("L1FeatureCount must be at least 1.", nameof(options));
        }

        if (_options.BootstrapReplicates < 0)
        {
            throw new ArgumentException("BootstrapReplicates cannot be negative.", nameof(options));
        }
    }

    /// <summary>The budget used per row: the option, or 2·M + 2048, capped at the 2^M − 2 non-trivial coalitions.</summary>
    public int EffectiveBudget
    {
        get
        {
            int m = _setup.FeatureCount;
            long budget = _options.Budget ?? ((2L * m) + DefaultBudgetExtra);
            if (m < 31)
            {
                budget = Math.Min(budget, (1L << m) - 2);
            }

            return (int)Math.Max(budget, 0);
        }
    }

    /// <inheritdoc />
    public Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default)
    {
        var data = _setup.Flatten(instances);
        int rows = instances.Count;
        var run = _setup.StartRun(rows, cancellationToken);
        int size = _setup.FeatureCount * _setup.OutputCount;
        var values = new double[rows * size];
        var errors = new double[rows * size];
        RowParallel.For(rows, _setup.Parallelism, run, r => ExplainRow(r, data.AsSpan(r * _setup.InputCount, _setup.InputCount), values.AsSpan(r * size, size), errors.AsSpan(r * size, size), run));
        return _setup.Build("shap-kernel", rows, values, _setup.RepeatBase(rows), data, errors);
    }

    private void ExplainRow(int row, ReadOnlySpan<double> instance, Span<double> phi, Span<double> errors, ExplainRun run)
    {
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        var valueFunction = new CoalitionValueFunction(_setup, instance, run);
        if (m == 1)
        {
            for (int o = 0; o < k; o++)
            {
                phi[o] = valueFunction.Prediction[o] - _setup.BaseValue[o];
            }

            return;
        }

        var random = DeterministicRandom.ForRow(_setup.Seed, row);
        var sample = KernelCoalitionSample.Create(m, EffectiveBudget, random);
        byte[] masks = [.. sample.Masks];
        int count = sample.Count;
        var v = new double[count * k];
        valueFunction.Evaluate(masks, count, v);

        var references = new int[count];
        foreach (var (first, second) in sample.Draws)
        {
            references[first]++;
            if (second >= 0)
            {
                references[second]++;
            }
        }

        var weights = Weights(sample, references);
        var solution = new double[m];
        var outputs = new OutputProblem[k];
        for (int o = 0; o < k; o++)
        {
            double delta = valueFunction.Prediction[o] - _setup.BaseValue[o];
            var targets = new double[count];
            for (int i = 0; i < count; i++)
            {
                targets[i] = v[(i * k) + o] - _setup.BaseValue[o];
            }

            // The solve is O(coalitions · M²) without the model: check between outputs so large M still stops in time.
            run.Check();
            var solver = new ConstrainedKernelSolver(masks, m, ActiveFeatures(masks, m, weights, targets));
            solver.Solve(weights, targets, delta, solution);
            for (int j = 0; j < m; j++)
            {
                phi[(j * k) + o] = solution[j];
            }

            outputs[o] = new OutputProblem(solver, targets, delta);
        }

        if (sample.Draws.Count > 0 && _options.BootstrapReplicates > 0)
        {
            run.Check();
            Bootstrap(sample, weights, outputs, random, errors, run);
        }
    }

    private int[] ActiveFeatures(byte[] masks, int m, double[] weights, double[] targets)
    {
        if (_options.L1FeatureCount is int wanted && wanted < m)
        {
            return [.. LassoPath.EntryOrder(masks, m, weights, targets, wanted).Order()];
        }

        return [.. Enumerable.Range(0, m)];
    }

    private static double[] Weights(KernelCoalitionSample sample, int[] references)
    {
        var weights = new double[sample.Count];
        Weights(sample, references, weights);
        return weights;
    }

    private static void Weights(KernelCoalitionSample sample, int[] references, Span<double> weights)
    {
        weights.Clear();
        for (int i = 0; i < sample.FixedCount; i++)
        {
            weights[i] = sample.FixedWeights[i];
        }

        long total = 0;
        for (int i = sample.FixedCount; i < sample.Count; i++)
        {
            total += references[i];
        }

        for (int i = sample.FixedCount; i < sample.Count && total > 0; i++)
        {
            weights[i] = references[i] * sample.RandomWeight / total;
        }
    }

    /// <summary>
    /// Resamples the random draws with replacement and reports the spread of the re-solved values. The enumerated
    /// coalitions' share of the normal equations is accumulated once; each replicate only re-adds the sampled part.
    /// </summary>
    private void Bootstrap(KernelCoalitionSample sample, double[] weights, OutputProblem[] outputs, Random random, Span<double> errors, ExplainRun run)
    {
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        int replicates = _options.BootstrapReplicates;
        int count = sample.Count;
        int fixedCount = sample.FixedCount;
        var sum = new double[m * k];
        var sumSquares = new double[m * k];
        var references = new int[count];
        var solution = new double[m];
        var fixedSums = new double[k][];
        var packed = new double[k][];
        var replicateWeights = new double[count];

        // Precomputed rows make a replicate one axpy per sample but take samples × q²/2 doubles per output (393 MB for
        // 200 features and the default budget; terabytes for 4096). Above the cap, each replicate forms the products again.
        long packedDoubles = 0;
        foreach (var output in outputs)
        {
            packedDoubles += (long)(count - fixedCount) * output.Solver.PackedLength;
        }

        bool precompute = packedDoubles <= MaxPackedBootstrapDoubles;
        try
        {
            for (int o = 0; o < k; o++)
            {
                var solver = outputs[o].Solver;
                int q = solver.Reduced;
                var gram = new double[q * q];
                var rhs = new double[q];
                solver.Accumulate(weights, outputs[o].Targets, outputs[o].Delta, 0, fixedCount, gram, rhs);
                fixedSums[o] = new double[solver.PackedLength];
                solver.PackSums(gram, rhs, fixedSums[o]);
                if (precompute)
                {
                    packed[o] = ArrayPool<double>.Shared.Rent((count - fixedCount) * solver.PackedLength);
                    solver.Pack(outputs[o].Targets, outputs[o].Delta, fixedCount, count, packed[o]);
                }
            }

            var sums = new double[fixedSums.Max(f => f.Length)];
            for (int rep = 0; rep < replicates; rep++)
            {
                run.Check();
                Array.Clear(references);
                for (int d = 0; d < sample.Draws.Count; d++)
                {
                    var (first, second) = sample.Draws[random.Next(sample.Draws.Count)];
                    references[first]++;
                    if (second >= 0)
                    {
                        references[second]++;
                    }
                }

                Weights(sample, references, replicateWeights);
                for (int o = 0; o < k; o++)
                {
                    var solver = outputs[o].Solver;
                    fixedSums[o].CopyTo(sums, 0);
                    if (precompute)
                    {
                        solver.AccumulatePacked(replicateWeights, fixedCount, count - fixedCount, packed[o], sums);
                    }
                    else
                    {
                        solver.AccumulateDirect(replicateWeights, outputs[o].Targets, outputs[o].Delta, fixedCount, count, sums);
                    }

                    solver.FinishPacked(sums, outputs[o].Delta, solution);
                    for (int j = 0; j < m; j++)
                    {
                        sum[(j * k) + o] += solution[j];
                        sumSquares[(j * k) + o] += solution[j] * solution[j];
                    }
                }
            }
        }
        finally
        {
            foreach (var buffer in packed)
            {
                if (buffer is not null)
                {
                    ArrayPool<double>.Shared.Return(buffer);
                }
            }
        }

        for (int i = 0; i < m * k; i++)
        {
            double mean = sum[i] / replicates;
            double variance = Math.Max(0, (sumSquares[i] / replicates) - (mean * mean)) * replicates / Math.Max(1, replicates - 1);
            errors[i] = Math.Sqrt(variance);
        }
    }

    /// <summary>One output's regression: its solver (active set), targets v(S) − base and Δ = f(x) − base.</summary>
    private sealed record OutputProblem(ConstrainedKernelSolver Solver, double[] Targets, double Delta);
}
