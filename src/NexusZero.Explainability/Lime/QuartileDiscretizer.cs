using NexusZero.Explainability.Data;

namespace NexusZero.Explainability.Lime;

/// <summary>
/// Weighted quartile bins per feature from the background (bin = number of quartile boundaries below the value, as
/// lime's searchsorted), the weight of each bin, and the background values inside each bin, from which a sampled bin is
/// turned back into a value.
/// </summary>
internal sealed class QuartileDiscretizer
{
    private readonly double[][] _boundaries;
    private readonly double[][] _binWeights;
    private readonly (double Value, double Weight)[][][] _binValues;

    public QuartileDiscretizer(BackgroundData background)
    {
        int p = background.ColumnCount;
        int n = background.RowCount;
        _boundaries = new double[p][];
        _binWeights = new double[p][];
        _binValues = new (double, double)[p][][];
        for (int j = 0; j < p; j++)
        {
            var column = Enumerable.Range(0, n).Select(r => (Value: background.Values[(r * p) + j], Weight: background.Weights[r])).OrderBy(t => t.Value).ToArray();
            _boundaries[j] = [Quantile(column, 0.25), Quantile(column, 0.5), Quantile(column, 0.75)];
            var bins = new List<(double, double)>[4];
            for (int b = 0; b < 4; b++)
            {
                bins[b] = [];
            }

            _binWeights[j] = new double[4];
            foreach (var (value, weight) in column)
            {
                int bin = Bin(j, value);
                bins[bin].Add((value, weight));
                _binWeights[j][bin] += weight;
            }

            _binValues[j] = [.. bins.Select(b => b.ToArray())];
        }
    }

    public int Bin(int feature, double value)
    {
        int bin = 0;
        foreach (double boundary in _boundaries[feature])
        {
            if (value > boundary)
            {
                bin++;
            }
        }

        return bin;
    }

    public int SampleBin(int feature, Random random) => Pick(_binWeights[feature], random);

    /// <summary>A background value from the bin, chosen with the rows' weights.</summary>
    public double SampleValue(int feature, int bin, Random random)
    {
        var values = _binValues[feature][bin];
        int index = Pick([.. values.Select(v => v.Weight)], random);
        return values[index].Value;
    }

    private static int Pick(double[] weights, Random random)
    {
        double total = weights.Sum();
        double u = random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static double Quantile((double Value, double Weight)[] sorted, double q)
    {
        double cumulative = 0;
        foreach (var (value, weight) in sorted)
        {
            cumulative += weight;
            if (cumulative >= q - 1e-12)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }
}
