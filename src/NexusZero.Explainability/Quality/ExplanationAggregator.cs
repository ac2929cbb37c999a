namespace NexusZero.Explainability.Quality;

/// <summary>Combines explanations of the same rows from several methods and measures their agreement.</summary>
public static class ExplanationAggregator
{
    /// <summary>Compares explanations of the same rows and features for one output, matched by output name.</summary>
    /// <param name="explanations">At least two explanations of the same rows and features.</param>
    /// <param name="outputName">The output to compare; null = the first explanation's first output.</param>
    /// <param name="topK">k for the top-k overlap (capped at the feature count).</param>
    /// <returns>Pairwise agreement and the consensus attribution.</returns>
    /// <exception cref="ArgumentException">Fewer than two explanations, or they explain different rows, features or outputs.</exception>
    public static AgreementReport Compare(IReadOnlyList<Explanation> explanations, string? outputName = null, int topK = 3)
    {
        ArgumentNullException.ThrowIfNull(explanations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        if (explanations.Count < 2)
        {
            throw new ArgumentException("Comparing needs at least two explanations.", nameof(explanations));
        }

        var first = explanations[0];
        outputName ??= first.OutputNames[0];
        var outputs = new int[explanations.Count];
        for (int e = 0; e < explanations.Count; e++)
        {
            if (!first.SameRowsAndFeaturesAs(explanations[e]))
            {
                throw new ArgumentException($"Explanation {e} ({explanations[e].Method}) does not explain the same rows and features as the first.", nameof(explanations));
            }

            outputs[e] = explanations[e].OutputNames.ToList().IndexOf(outputName);
            if (outputs[e] < 0)
            {
                throw new ArgumentException($"Explanation {e} ({explanations[e].Method}) has no output named '{outputName}'.", nameof(outputName));
            }
        }

        int k = Math.Min(topK, first.FeatureCount);
        var pairs = new List<MethodAgreement>();
        for (int a = 0; a < explanations.Count; a++)
        {
            for (int b = a + 1; b < explanations.Count; b++)
            {
                double correlation = 0;
                int defined = 0;
                double overlap = 0;
                for (int r = 0; r < first.RowCount; r++)
                {
                    var va = explanations[a].GetValues(r, outputs[a]);
                    var vb = explanations[b].GetValues(r, outputs[b]);
                    double rho = RankStatistics.Spearman(va, vb);
                    if (!double.IsNaN(rho))
                    {
                        correlation += rho;
                        defined++;
                    }

                    overlap += RankStatistics.TopKOverlap(va, vb, k);
                }

                pairs.Add(new MethodAgreement(explanations[a].Method, explanations[b].Method,
                    defined > 0 ? correlation / defined : double.NaN, overlap / first.RowCount));
            }
        }

        int m = first.FeatureCount;
        var values = new double[first.RowCount * m];
        var baseValues = new double[first.RowCount];
        for (int e = 0; e < explanations.Count; e++)
        {
            for (int r = 0; r < first.RowCount; r++)
            {
                baseValues[r] += explanations[e].GetBaseValue(r, outputs[e]) / explanations.Count;
                for (int f = 0; f < m; f++)
                {
                    values[(r * m) + f] += explanations[e].GetValue(r, f, outputs[e]) / explanations.Count;
                }
            }
        }

        var consensus = first.WithValues("consensus", [outputName], values, baseValues);
        return new AgreementReport([.. explanations.Select(e => e.Method)], pairs, consensus, k);
    }
}
