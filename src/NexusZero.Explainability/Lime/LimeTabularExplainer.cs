using System.Buffers;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Lime;

/// <summary>
/// LIME for tabular data (Ribeiro et al., 2016) as the lime package does it: Gaussian samples scaled by the background's
/// standard deviations (or quartile bins), an exponential kernel sqrt(exp(−d²/width²)) on standardized distances to the
/// instance, feature selection, and a weighted ridge surrogate whose weights, intercept, weighted R² and local prediction
/// are returned. Explains one output (<see cref="LimeOptions.OutputIndex"/>) per column; feature groups are not supported.
/// </summary>
public sealed class LimeTabularExplainer : IExplainer
{
    /// <summary>Most samples per row accepted.</summary>
    public const int MaxSamples = 1_000_000;

    private readonly ExplainerSetup _setup;
    private readonly LimeOptions _options;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly QuartileDiscretizer? _discretizer;
    private readonly double _width;
    private readonly int _featureCount;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="background">Training-like data: its means, deviations and quartiles drive the sampling.</param>
    /// <param name="options">Options, including the seed.</param>
    /// <exception cref="ArgumentException">Shapes disagree, groups were given, or an option is out of range.</exception>
    public LimeTabularExplainer(IBatchModel model, BackgroundData background, LimeOptions? options = null)
    {
        _options = options ?? new LimeOptions();
        if (_options.Groups is not null)
        {
            throw new ArgumentException("LIME explains single columns; feature groups are supported by the SHAP explainers only.", nameof(options));
        }

        if (_options.Samples is < 2 or > MaxSamples)
        {
            throw new ArgumentException($"LIME needs 2 to {MaxSamples} samples.", nameof(options));
        }

        if (_options.KernelWidth is double w && !(w > 0 && double.IsFinite(w)))
        {
            throw new ArgumentException("The kernel width must be a positive number.", nameof(options));
        }

        if (!(_options.RidgeAlpha >= 0 && double.IsFinite(_options.RidgeAlpha)))
        {
            throw new ArgumentException("The ridge penalty must be a non-negative number.", nameof(options));
        }

        if (_options.FeatureCount is < 1)
        {
            throw new ArgumentException("FeatureCount must be at least 1.", nameof(options));
        }

        if (!Enum.IsDefined(_options.FeatureSelection))
        {
            throw new ArgumentException("Unknown feature selection.", nameof(options));
        }

        _setup = ExplainerSetup.Create(model, background, _options);
        if ((uint)_options.OutputIndex >= (uint)_setup.OutputCount)
        {
            throw new ArgumentException($"OutputIndex {_options.OutputIndex} is outside the model's {_setup.OutputCount} outputs.", nameof(options));
        }

        int p = _setup.InputCount;
        _mean = background.Mean();
        _scale = new double[p];
        for (int r = 0; r < background.RowCount; r++)
        {
            for (int j = 0; j < p; j++)
            {
                double d = background.Values[(r * p) + j] - _mean[j];
                _scale[j] += background.Weights[r] * d * d;
            }
        }

        for (int j = 0; j < p; j++)
        {
            _scale[j] = _scale[j] > 0 ? Math.Sqrt(_scale[j]) : 1.0;
        }

        _discretizer = _options.Discretize ? new QuartileDiscretizer(background) : null;
        _width = _options.KernelWidth ?? (0.75 * Math.Sqrt(p));
        _featureCount = Math.Min(p, _options.FeatureCount ?? 10);
    }

    /// <summary>The kernel width in use.</summary>
    public double KernelWidth => _width;

    /// <summary>Explains each row and returns the surrogate's contributions as an <see cref="Explanation"/> (one output).</summary>
    /// <param name="instances">The rows.</param>
    /// <param name="cancellationToken">Stops the call between two chunks of model evaluations.</param>
    /// <returns>Contributions with the intercept as base value.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TimeoutException">The call ran past <see cref="ExplainerOptions.TimeLimit"/>.</exception>
    public Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default) =>
        ToExplanation(instances, ExplainDetailed(instances, cancellationToken));

    /// <summary>The <see cref="Explanation"/> of surrogates that <see cref="ExplainDetailed"/> returned, without fitting them again.</summary>
    /// <param name="instances">The rows the surrogates explain, in the same order.</param>
    /// <param name="details">The surrogates, one per row.</param>
    /// <returns>Contributions with the intercept as base value.</returns>
    /// <exception cref="ArgumentException">The counts or shapes disagree.</exception>
    public Explanation ToExplanation(IReadOnlyList<double[]> instances, IReadOnlyList<LimeExplanation> details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var data = _setup.Flatten(instances);
        if (details.Count != instances.Count)
        {
            throw new ArgumentException($"Got {details.Count} surrogates for {instances.Count} rows.", nameof(details));
        }

        int p = _setup.InputCount;
        var values = new double[details.Count * p];
        var baseValues = new double[details.Count];
        for (int r = 0; r < details.Count; r++)
        {
            for (int j = 0; j < p; j++)
            {
                values[(r * p) + j] = details[r].Contributions[j];
            }

            baseValues[r] = details[r].Intercept;
        }

        return new Explanation("lime", _setup.FeatureNames, [_setup.OutputNames[_options.OutputIndex]], _setup.FeatureColumn, details.Count, p, values, baseValues, data, null);
    }

    /// <summary>Explains each row, returning the full surrogate (weights, intercept, R², local prediction).</summary>
    /// <param name="instances">The rows.</param>
    /// <param name="cancellationToken">Stops the call between two chunks of model evaluations.</param>
    /// <returns>One surrogate per row.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TimeoutException">The call ran past <see cref="ExplainerOptions.TimeLimit"/>.</exception>
    public IReadOnlyList<LimeExplanation> ExplainDetailed(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default)
    {
        var data = _setup.Flatten(instances);
        var results = new LimeExplanation[instances.Count];
        var run = _setup.StartRun(instances.Count, cancellationToken);
        RowParallel.For(instances.Count, _setup.Parallelism, run, r => results[r] = ExplainRow(r, data.AsSpan(r * _setup.InputCount, _setup.InputCount), run));
        return results;
    }

    private LimeExplanation ExplainRow(int row, ReadOnlySpan<double> instance, ExplainRun run)
    {
        int p = _setup.InputCount;
        int n = _options.Samples;
        int k = _setup.OutputCount;
        var random = DeterministicRandom.ForRow(_setup.Seed, row);
        double[] samplesBuffer = ArrayPool<double>.Shared.Rent(n * p);
        double[] surrogateBuffer = ArrayPool<double>.Shared.Rent(n * p);
        double[] predictionsBuffer = ArrayPool<double>.Shared.Rent(n * k);
        double[] labelsBuffer = ArrayPool<double>.Shared.Rent(n);
        double[] weightsBuffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var samples = samplesBuffer.AsSpan(0, n * p);
            var surrogateInputs = surrogateBuffer.AsSpan(0, n * p);
            surrogateInputs.Clear();
            instance.CopyTo(samples);
            for (int i = 1; i < n; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    samples[(i * p) + j] = _discretizer is null
                        ? (random.NextGaussian() * _scale[j]) + (_options.SampleAroundInstance ? instance[j] : _mean[j])
                        : Undiscretize(j, instance[j], random, surrogateInputs, i);
                }
            }

            if (_discretizer is null)
            {
                for (int i = 0; i < n * p; i++)
                {
                    surrogateInputs[i] = (samples[i] - _mean[i % p]) / _scale[i % p];
                }
            }
            else
            {
                surrogateInputs[..p].Fill(1.0);
            }

            var predictions = predictionsBuffer.AsSpan(0, n * k);
            ModelCall.Predict(_setup.Model, samples, n, predictions, run);
            var labels = labelsBuffer.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                labels[i] = predictions[(i * k) + _options.OutputIndex];
            }

            var weights = weightsBuffer.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                double d2 = 0;
                for (int j = 0; j < p; j++)
                {
                    double d = surrogateInputs[(i * p) + j] - surrogateInputs[j];
                    d2 += d * d;
                }

                weights[i] = Math.Sqrt(Math.Exp(-d2 / (_width * _width)));
            }

            // The surrogate fit costs O(samples · P²) without the model: check before it.
            run.Check();
            var ridge = new WeightedRidge(surrogateInputs, p, labels, weights);
            var selected = SelectFeatures(ridge, p);
            var (coefficients, intercept, score) = ridge.Fit(selected, _options.RidgeAlpha);
            var allWeights = new double[p];
            var contributions = new double[p];
            double local = intercept;
            for (int a = 0; a < selected.Length; a++)
            {
                allWeights[selected[a]] = coefficients[a];
                contributions[selected[a]] = coefficients[a] * surrogateInputs[selected[a]];
                local += contributions[selected[a]];
            }

            return new LimeExplanation(allWeights, contributions, intercept, score, local, labels[0], selected);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(samplesBuffer);
            ArrayPool<double>.Shared.Return(surrogateBuffer);
            ArrayPool<double>.Shared.Return(predictionsBuffer);
            ArrayPool<double>.Shared.Return(labelsBuffer);
            ArrayPool<double>.Shared.Return(weightsBuffer);
        }
    }

    /// <summary>Samples a quartile bin, records whether it is the instance's, and returns a background value from it.</summary>
    private double Undiscretize(int feature, double instanceValue, Random random, Span<double> indicators, int sample)
    {
        int p = _setup.InputCount;
        int instanceBin = _discretizer!.Bin(feature, instanceValue);
        int bin = _discretizer.SampleBin(feature, random);
        indicators[(sample * p) + feature] = bin == instanceBin ? 1.0 : 0.0;
        return _discretizer.SampleValue(feature, bin, random);
    }

    private int[] SelectFeatures(WeightedRidge ridge, int p)
    {
        var method = _options.FeatureSelection;
        if (method == LimeFeatureSelection.None || _featureCount >= p)
        {
            return [.. Enumerable.Range(0, p)];
        }

        if (method == LimeFeatureSelection.Auto)
        {
            method = _featureCount <= 6 ? LimeFeatureSelection.Forward : LimeFeatureSelection.HighestWeights;
        }

        if (method == LimeFeatureSelection.HighestWeights)
        {
            var (all, _, _) = ridge.Fit([.. Enumerable.Range(0, p)], 0.01);
            return [.. Enumerable.Range(0, p).OrderByDescending(j => Math.Abs(all[j])).ThenBy(j => j).Take(_featureCount).Order()];
        }

        var chosen = new List<int>();
        for (int round = 0; round < _featureCount; round++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int j = 0; j < p; j++)
            {
                if (chosen.Contains(j))
                {
                    continue;
                }

                double score = ridge.Fit([.. chosen, j], 0).Score;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = j;
                }
            }

            chosen.Add(best);
        }

        return [.. chosen.Order()];
    }
}
