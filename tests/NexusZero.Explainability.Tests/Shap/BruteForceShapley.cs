using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Shap;

/// <summary>
/// An independent Shapley computation from the permutation definition: φ_i is the mean over all M! orderings of
/// v(predecessors ∪ {i}) − v(predecessors), with v evaluated row by row (one model call per background row) and no
/// shared code with the library's explainers.
/// </summary>
internal static class BruteForceShapley
{
    public static double[,] Compute(IBatchModel model, double[][] background, double[]? weights, double[] x, int[][] groups)
    {
        int m = groups.Length;
        int k = model.OutputCount;
        var cache = new Dictionary<int, double[]>();
        double[] V(int subset)
        {
            if (cache.TryGetValue(subset, out var hit))
            {
                return hit;
            }

            var value = new double[k];
            double totalWeight = 0;
            for (int b = 0; b < background.Length; b++)
            {
                var z = (double[])background[b].Clone();
                for (int g = 0; g < m; g++)
                {
                    if ((subset & (1 << g)) != 0)
                    {
                        foreach (int c in groups[g])
                        {
                            z[c] = x[c];
                        }
                    }
                }

                var y = new double[k];
                model.Predict(z, 1, y);
                double w = weights?[b] ?? 1.0;
                totalWeight += w;
                for (int o = 0; o < k; o++)
                {
                    value[o] += w * y[o];
                }
            }

            for (int o = 0; o < k; o++)
            {
                value[o] /= totalWeight;
            }

            cache[subset] = value;
            return value;
        }

        var phi = new double[m, k];
        long permutations = 0;
        foreach (var order in Permutations(Enumerable.Range(0, m).ToArray()))
        {
            permutations++;
            int subset = 0;
            foreach (int i in order)
            {
                var before = V(subset);
                subset |= 1 << i;
                var after = V(subset);
                for (int o = 0; o < k; o++)
                {
                    phi[i, o] += after[o] - before[o];
                }
            }
        }

        for (int i = 0; i < m; i++)
        {
            for (int o = 0; o < k; o++)
            {
                phi[i, o] /= permutations;
            }
        }

        return phi;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
