using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Quality;

/// <summary>
/// Quality scores for explanations. Fidelity: the efficiency residual |base + Σφ − f(x)| (SHAP), and the faithfulness
/// correlation of Bhatt et al. (2020) between the attribution mass of random feature subsets and the output drop when
/// those features are set to a baseline. Stability: a local Lipschitz estimate (Alvarez-Melis and Jaakkola, 2018),
/// max ‖φ(x) − φ(x′)‖₂ / ‖x − x′‖₂ over sampled x′ near x. LIME's R² and local error are on
/// <see cref="Lime.LimeExplanation"/>.
/// </summary>
public static class ExplanationQuality
{
    /// <summary>The largest |base + Σφ − f(x)| over rows and outputs. For SHAP it should be ~0; for LIME it is the local error.</summary>
    /// <param name="explanation">The explanation.</param>
    /// <param name="model">The explained model.</param>
    /// <param name="modelOutput">
    /// For an explanation of a single output of a multi-output model (LIME), the model output it explains; otherwise
    /// explanation output o is compared with model output o.
    /// </param>
    /// <returns>The largest residual.</returns>
    /// <exception cref="ArgumentException">The explanation's outputs cannot be matched to the model's.</exception>
    public static double EfficiencyResidual(Explanation explanation, IBatchModel model, int modelOutput = 0)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(model);
        bool sameOutputs = explanation.OutputCount == model.OutputCount;
        if (!sameOutputs && (explanation.OutputCount != 1 || (uint)modelOutput >= (uint)model.OutputCount))
        {
            throw new ArgumentException($"An explanation with {explanation.OutputCount} outputs cannot be checked against a model with {model.OutputCount}.", nameof(explanation));
        }

        double worst = 0;
        for (int r = 0; r < explanation.RowCount; r++)
        {
            var y = new double[model.OutputCount];
            ModelCall.Predict(model, explanation.GetInstance(r), 1, y);
            for (int o = 0; o < explanation.OutputCount; o++)
            {
                worst = Math.Max(worst, Math.Abs(explanation.GetReconstructedOutput(r, o) - y[sameOutputs ? o : modelOutput]));
            }
        }

        return worst;
    }

    /// <summary>
    /// Faithfulness correlation per row: Pearson correlation, over <paramref name="trials"/> random subsets S of
    /// <paramref name="subsetSize"/> features, between Σ_{i∈S} φ_i and f(x) − f(x with S set to the baseline).
    /// </summary>
    /// <param name="explanation">The explanation (features = columns unless <paramref name="groups"/> is given).</param>
    /// <param name="model">The explained model.</param>
    /// <param name="baseline">The replacement value per column (for example the background mean).</param>
    /// <param name="modelOutput">The model output whose drop is measured.</param>
    /// <param name="explanationOutput">The explanation's output index.</param>
    /// <param name="subsetSize">Features per subset; null = max(1, M/4).</param>
    /// <param name="trials">Number of random subsets (at least 3).</param>
    /// <param name="seed">Seed of the subset choice.</param>
    /// <param name="groups">The feature groups the explanation used, if any.</param>
    /// <returns>One correlation per row (NaN where a side is constant).</returns>
    public static double[] FaithfulnessCorrelation(
        Explanation explanation,
        IBatchModel model,
        IReadOnlyList<double> baseline,
        int modelOutput = 0,
        int explanationOutput = 0,
        int? subsetSize = null,
        int trials = 50,
        int seed = 0,
        FeatureGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseline);
        int m = explanation.FeatureCount;
        int p = model.InputCount;
        groups ??= m == p ? FeatureGroups.Singletons(explanation.FeatureNames) : throw new ArgumentException("Pass the feature groups the explanation used.", nameof(groups));
        if (baseline.Count != p || groups.Count != m || groups.InputCount != p)
        {
            throw new ArgumentException($"The baseline needs {p} values and the groups must cover the explanation's {m} features.", nameof(baseline));
        }

        if (trials < 3)
        {
            throw new ArgumentException("Faithfulness needs at least 3 trials.", nameof(trials));
        }

        int size = Math.Clamp(subsetSize ?? Math.Max(1, m / 4), 1, m);
        var result = new double[explanation.RowCount];
        for (int r = 0; r < explanation.RowCount; r++)
        {
            var random = DeterministicRandom.ForRow(seed, r, stream: 0xFA17);
            var x = explanation.GetInstance(r);
            var phi = explanation.GetValues(r, explanationOutput);
            var inputs = new double[(trials + 1) * p];
            x.CopyTo(inputs, 0);
            var attributionMass = new double[trials];
            var order = Enumerable.Range(0, m).ToArray();
            for (int t = 0; t < trials; t++)
            {
                x.CopyTo(inputs, (t + 1) * p);
                for (int i = 0; i < size; i++)
                {
                    int pick = i + random.Next(m - i);
                    (order[i], order[pick]) = (order[pick], order[i]);
                    attributionMass[t] += phi[order[i]];
                    foreach (int c in groups.ColumnsOf(order[i]))
                    {
                        inputs[((t + 1) * p) + c] = baseline[c];
                    }
                }
            }

            var outputs = new double[(trials + 1) * model.OutputCount];
            ModelCall.Predict(model, inputs, trials + 1, outputs);
            var drops = new double[trials];
            for (int t = 0; t < trials; t++)
            {
                drops[t] = outputs[modelOutput] - outputs[((t + 1) * model.OutputCount) + modelOutput];
            }

            result[r] = RankStatistics.Pearson(attributionMass, drops);
        }

        return result;
    }

    /// <summary>
    /// Local Lipschitz estimate per row: max over <paramref name="samples"/> points x′ = x + radius·u, u uniform in
    /// [−1, 1] per column, of ‖φ(x) − φ(x′)‖₂ / ‖x − x′‖₂. Lower is more stable. Runs the explainer once per row on
    /// the row and its perturbations.
    /// </summary>
    /// <param name="explainer">The explainer to probe.</param>
    /// <param name="instances">The rows.</param>
    /// <param name="radius">Perturbation radius per column.</param>
    /// <param name="samples">Perturbed points per row.</param>
    /// <param name="seed">Seed of the perturbations.</param>
    /// <param name="output">The explanation output compared.</param>
    /// <returns>One estimate per row.</returns>
    public static double[] LocalLipschitz(IExplainer explainer, IReadOnlyList<double[]> instances, double radius = 0.1, int samples = 10, int seed = 0, int output = 0)
    {
        ArgumentNullException.ThrowIfNull(explainer);
        ArgumentNullException.ThrowIfNull(instances);
        if (!(radius > 0 && double.IsFinite(radius)) || samples < 1)
        {
            throw new ArgumentException("The radius must be positive and at least one sample is needed.", nameof(radius));
        }

        var result = new double[instances.Count];
        for (int r = 0; r < instances.Count; r++)
        {
            var random = DeterministicRandom.ForRow(seed, r, stream: 0x11F5);
            var x = instances[r];
            var batch = new double[samples + 1][];
            batch[0] = x;
            for (int s = 1; s <= samples; s++)
            {
                batch[s] = [.. x.Select(v => v + (radius * ((2 * random.NextDouble()) - 1)))];
            }

            var explanation = explainer.Explain(batch);
            var phi = explanation.GetValues(0, output);
            double worst = 0;
            for (int s = 1; s <= samples; s++)
            {
                var other = explanation.GetValues(s, output);
                double numerator = Math.Sqrt(phi.Zip(other, (a, b) => (a - b) * (a - b)).Sum());
                double denominator = Math.Sqrt(x.Zip(batch[s], (a, b) => (a - b) * (a - b)).Sum());
                if (denominator > 0)
                {
                    worst = Math.Max(worst, numerator / denominator);
                }
            }

            result[r] = worst;
        }

        return result;
    }
}
