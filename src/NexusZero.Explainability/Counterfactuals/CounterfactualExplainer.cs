using System.Globalization;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Counterfactuals;

/// <summary>
/// Finds k diverse counterfactuals by seeded random search over sparse changes of the mutable columns (values drawn
/// from the background or uniformly within bounds), then refines each valid candidate: reverting columns while it stays
/// valid (sparsity) and moving each changed column back toward the instance (proximity). Immutable, bound and integer
/// constraints hold for every candidate. The k returned are chosen greedily for low loss and high distance to each
/// other, and are re-checked against the model. Nothing found is reported plainly in <see cref="CounterfactualResult.Summary"/>.
/// </summary>
public sealed class CounterfactualExplainer
{
    private const int BatchSize = 256;
    private static readonly double[] ShrinkSteps = [.. Enumerable.Range(1, 19).Select(i => i * 0.05)];

    private readonly ExplainerSetup _setup;
    private readonly CounterfactualOptions _options;
    private readonly double[] _mad;
    private readonly bool[] _mutable;
    private readonly bool[] _integer;
    private readonly double[] _backgroundMin;
    private readonly double[] _backgroundMax;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="background">Data supplying the MAD scales, default bounds and candidate values.</param>
    /// <param name="options">Options, including the seed and the constraints.</param>
    /// <exception cref="ArgumentException">Shapes disagree or an option is out of range.</exception>
    public CounterfactualExplainer(IBatchModel model, BackgroundData background, CounterfactualOptions? options = null)
    {
        _options = options ?? new CounterfactualOptions();
        if (_options.Groups is not null)
        {
            throw new ArgumentException("Counterfactuals work on columns; feature groups are not supported here.", nameof(options));
        }

        _setup = ExplainerSetup.Create(model, background, _options);
        int p = _setup.InputCount;
        if (_options.Count is < 1 or > 100)
        {
            throw new ArgumentException("Count must be 1 to 100.", nameof(options));
        }

        if (_options.MaxCandidates is < 1 or > 10_000_000)
        {
            throw new ArgumentException("MaxCandidates must be 1 to 10,000,000.", nameof(options));
        }

        if (_options.MaxChangedFeatures is < 1 || !(_options.SparsityWeight >= 0) || !(_options.DiversityWeight >= 0))
        {
            throw new ArgumentException("MaxChangedFeatures must be positive and the weights non-negative.", nameof(options));
        }

        _mutable = Flags(p, _options.ImmutableFeatures, nameof(CounterfactualOptions.ImmutableFeatures), invert: true);
        _integer = Flags(p, _options.IntegerFeatures, nameof(CounterfactualOptions.IntegerFeatures), invert: false);
        _backgroundMin = new double[p];
        _backgroundMax = new double[p];
        _mad = new double[p];
        for (int j = 0; j < p; j++)
        {
            var column = Enumerable.Range(0, background.RowCount).Select(r => background.GetValue(r, j)).ToArray();
            _backgroundMin[j] = column.Min();
            _backgroundMax[j] = column.Max();
            double median = Median(column);
            double mad = Median([.. column.Select(v => Math.Abs(v - median))]);
            if (mad <= 0)
            {
                double mean = column.Average();
                mad = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            }

            _mad[j] = mad > 0 ? mad : 1.0;
        }

        CheckBounds(_options.LowerBounds, p, nameof(CounterfactualOptions.LowerBounds));
        CheckBounds(_options.UpperBounds, p, nameof(CounterfactualOptions.UpperBounds));
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> FeatureNames => _setup.InputNames;

    /// <summary>The per-column median absolute deviations used to scale distances (std, then 1, when the MAD is 0).</summary>
    public IReadOnlyList<double> MadScales => _mad;

    /// <summary>Searches counterfactuals for each row.</summary>
    /// <param name="instances">The rows.</param>
    /// <param name="target">The class or output range to reach.</param>
    /// <param name="cancellationToken">Stops the call between two chunks of model evaluations.</param>
    /// <returns>One result per row.</returns>
    /// <exception cref="ArgumentException">The target does not fit the model or a row is malformed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TimeoutException">The call ran past <see cref="ExplainerOptions.TimeLimit"/>.</exception>
    public IReadOnlyList<CounterfactualResult> Explain(IReadOnlyList<double[]> instances, CounterfactualTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validate(_setup.OutputCount);
        var data = _setup.Flatten(instances);
        var results = new CounterfactualResult[instances.Count];
        var run = _setup.StartRun(instances.Count, cancellationToken);
        RowParallel.For(instances.Count, _setup.Parallelism, run, r => results[r] = ExplainRow(r, data.AsSpan(r * _setup.InputCount, _setup.InputCount).ToArray(), target, run));
        return results;
    }

    private CounterfactualResult ExplainRow(int row, double[] x, CounterfactualTarget target, ExplainRun run)
    {
        int p = _setup.InputCount;
        var random = DeterministicRandom.ForRow(_setup.Seed, row);
        var search = new Search(this, x, target, run);
        var prediction = search.Predict([x], 1)[0];
        if (target.IsMet(prediction))
        {
            return Empty(x, prediction, search.Evaluations, $"The instance already meets the target ({target}); there is nothing to change.");
        }

        var lower = new double[p];
        var upper = new double[p];
        for (int j = 0; j < p; j++)
        {
            lower[j] = _options.LowerBounds?[j] ?? Math.Min(_backgroundMin[j], x[j]);
            upper[j] = _options.UpperBounds?[j] ?? Math.Max(_backgroundMax[j], x[j]);
            if (_integer[j])
            {
                lower[j] = Math.Ceiling(lower[j]);
                upper[j] = Math.Floor(upper[j]);
            }
        }

        int[] mutable = [.. Enumerable.Range(0, p).Where(j => _mutable[j] && upper[j] > lower[j])];
        int maxChanged = Math.Min(mutable.Length, _options.MaxChangedFeatures ?? mutable.Length);
        if (maxChanged == 0)
        {
            return Empty(x, prediction, search.Evaluations, "No counterfactual found: no column is both mutable and free to move within its bounds.");
        }

        var pool = new List<double[]>();
        int tried = 0;
        while (tried < _options.MaxCandidates && pool.Count < 10 * _options.Count)
        {
            int batch = Math.Min(BatchSize, _options.MaxCandidates - tried);
            var candidates = new double[batch][];
            for (int c = 0; c < batch; c++)
            {
                candidates[c] = Propose(x, mutable, maxChanged, lower, upper, random);
            }

            var outputs = search.Predict(candidates, batch);
            for (int c = 0; c < batch; c++)
            {
                if (target.IsMet(outputs[c]))
                {
                    pool.Add(candidates[c]);
                }
            }

            tried += batch;
        }

        if (pool.Count == 0)
        {
            return Empty(x, prediction, search.Evaluations, string.Create(CultureInfo.InvariantCulture,
                $"No counterfactual found: none of {tried} candidates changing up to {maxChanged} of the {mutable.Length} mutable columns within the bounds reached {target}."));
        }

        var refined = pool.OrderBy(search.Loss).Take(4 * _options.Count).Select(c => search.Refine(c, lower, upper)).ToList();
        var chosen = SelectDiverse(refined, search);
        var finalOutputs = search.Predict([.. chosen], chosen.Count);
        var counterfactuals = new List<Counterfactual>();
        for (int i = 0; i < chosen.Count; i++)
        {
            var changed = Enumerable.Range(0, p).Where(j => chosen[i][j] != x[j]).ToArray();
            counterfactuals.Add(new Counterfactual(chosen[i], finalOutputs[i], changed, search.Proximity(chosen[i]), target.IsMet(finalOutputs[i])));
        }

        double diversity = 0;
        int pairs = 0;
        for (int a = 0; a < chosen.Count; a++)
        {
            for (int b = a + 1; b < chosen.Count; b++)
            {
                diversity += Distance(chosen[a], chosen[b]);
                pairs++;
            }
        }

        double validity = counterfactuals.Count(c => c.IsValid) / (double)counterfactuals.Count;
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Found {counterfactuals.Count} counterfactual(s) reaching {target} ({counterfactuals.Count(c => c.IsValid)} valid on re-check) after {search.Evaluations} model evaluations.");
        return new CounterfactualResult(x, prediction, counterfactuals, validity, counterfactuals.Average(c => c.Proximity),
            counterfactuals.Average(c => c.Sparsity), pairs > 0 ? diversity / pairs : 0, search.Evaluations, summary);
    }

    private double[] Propose(double[] x, int[] mutable, int maxChanged, double[] lower, double[] upper, Random random)
    {
        int changes = 1;
        while (changes < maxChanged && random.NextDouble() < 0.5)
        {
            changes++;
        }

        var order = (int[])mutable.Clone();
        var candidate = (double[])x.Clone();
        for (int i = 0; i < changes; i++)
        {
            int pick = i + random.Next(order.Length - i);
            (order[i], order[pick]) = (order[pick], order[i]);
            int j = order[i];
            double value = random.NextDouble() < 0.5
                ? _setup.Background.Values[(PickRow(random) * _setup.InputCount) + j]
                : lower[j] + (random.NextDouble() * (upper[j] - lower[j]));
            candidate[j] = Constrain(j, value, lower, upper);
        }

        return candidate;
    }

    private int PickRow(Random random)
    {
        double u = random.NextDouble();
        var weights = _setup.Background.Weights;
        for (int r = 0; r < weights.Length; r++)
        {
            u -= weights[r];
            if (u < 0)
            {
                return r;
            }
        }

        return weights.Length - 1;
    }

    private double Constrain(int j, double value, double[] lower, double[] upper)
    {
        if (_integer[j])
        {
            value = Math.Round(value, MidpointRounding.AwayFromZero);
        }

        return Math.Clamp(value, lower[j], upper[j]);
    }

    private List<double[]> SelectDiverse(List<double[]> candidates, Search search)
    {
        var unique = new List<double[]>();
        foreach (var c in candidates.OrderBy(search.Loss))
        {
            if (!unique.Any(u => u.AsSpan().SequenceEqual(c)))
            {
                unique.Add(c);
            }
        }

        var chosen = new List<double[]> { unique[0] };
        unique.RemoveAt(0);
        while (chosen.Count < _options.Count && unique.Count > 0)
        {
            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int i = 0; i < unique.Count; i++)
            {
                double nearest = chosen.Min(c => Distance(c, unique[i]));
                double score = (_options.DiversityWeight * nearest) - search.Loss(unique[i]);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }

            chosen.Add(unique[best]);
            unique.RemoveAt(best);
        }

        return chosen;
    }

    private double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += Math.Abs(a[j] - b[j]) / _mad[j];
        }

        return sum;
    }

    private static CounterfactualResult Empty(double[] x, double[] prediction, int evaluations, string summary) =>
        new(x, prediction, [], 0, double.NaN, double.NaN, 0, evaluations, summary);

    private static bool[] Flags(int p, IReadOnlyList<int>? columns, string name, bool invert)
    {
        var flags = new bool[p];
        Array.Fill(flags, invert);
        foreach (int c in columns ?? [])
        {
            if ((uint)c >= (uint)p)
            {
                throw new ArgumentException($"{name} names column {c}, outside 0..{p - 1}.", name);
            }

            flags[c] = !invert;
        }

        return flags;
    }

    private static void CheckBounds(IReadOnlyList<double>? bounds, int p, string name)
    {
        if (bounds is not null && (bounds.Count != p || bounds.Any(double.IsNaN)))
        {
            throw new ArgumentException($"{name} needs {p} numbers, one per column.", name);
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /// <summary>State of one row's search: the instance, the target and the model-call count.</summary>
    private sealed class Search(CounterfactualExplainer owner, double[] x, CounterfactualTarget target, ExplainRun run)
    {
        public int Evaluations { get; private set; }

        public double Proximity(double[] c) => owner.Distance(c, x);

        public double Loss(double[] c)
        {
            int changed = 0;
            for (int j = 0; j < c.Length; j++)
            {
                if (c[j] != x[j])
                {
                    changed++;
                }
            }

            return Proximity(c) + (owner._options.SparsityWeight * changed);
        }

        public double[][] Predict(IReadOnlyList<double[]> rows, int count)
        {
            int p = x.Length;
            int k = owner._setup.OutputCount;
            var inputs = new double[count * p];
            for (int i = 0; i < count; i++)
            {
                rows[i].CopyTo(inputs, i * p);
            }

            var outputs = new double[count * k];
            ModelCall.Predict(owner._setup.Model, inputs, count, outputs, run);
            Evaluations += count;
            var result = new double[count][];
            for (int i = 0; i < count; i++)
            {
                result[i] = outputs.AsSpan(i * k, k).ToArray();
            }

            return result;
        }

        /// <summary>Reverts columns while the candidate stays valid, then pulls each changed column toward the instance.</summary>
        public double[] Refine(double[] candidate, double[] lower, double[] upper)
        {
            var current = (double[])candidate.Clone();
            while (true)
            {
                var changed = Enumerable.Range(0, x.Length).Where(j => current[j] != x[j]).ToArray();
                if (changed.Length <= 1)
                {
                    break;
                }

                var trials = changed.Select(j => Replace(current, j, x[j])).ToArray();
                var outputs = Predict(trials, trials.Length);
                int best = -1;
                for (int t = 0; t < trials.Length; t++)
                {
                    if (target.IsMet(outputs[t]) && (best < 0 || Loss(trials[t]) < Loss(trials[best])))
                    {
                        best = t;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                current = trials[best];
            }

            foreach (int j in Enumerable.Range(0, x.Length).Where(j => current[j] != x[j]))
            {
                var trials = ShrinkSteps.Select(t => Replace(current, j, owner.Constrain(j, x[j] + (t * (current[j] - x[j])), lower, upper))).ToArray();
                var outputs = Predict(trials, trials.Length);
                for (int t = 0; t < trials.Length; t++)
                {
                    if (target.IsMet(outputs[t]))
                    {
                        current = trials[t];
                        break;
                    }
                }
            }

            return current;
        }

        private static double[] Replace(double[] row, int column, double value)
        {
            var copy = (double[])row.Clone();
            copy[column] = value;
            return copy;
        }
    }
}
