namespace NexusZero.Explainability.Shap;

/// <summary>
/// The coalitions Kernel SHAP evaluates, chosen as the shap package does: subset sizes in the order of their Shapley
/// kernel weight (small and large sizes first, paired with their complements) are enumerated completely while the budget
/// covers them; the remaining budget samples sizes from the leftover kernel weight and adds each sample's complement.
/// </summary>
internal sealed class KernelCoalitionSample
{
    private KernelCoalitionSample(int features)
    {
        Features = features;
    }

    public int Features { get; }

    /// <summary>Unique masks, row-major, one byte per feature.</summary>
    public List<byte> Masks { get; } = [];

    /// <summary>Kernel weight of each enumerated mask (the first <see cref="FixedCount"/> masks).</summary>
    public List<double> FixedWeights { get; } = [];

    public int FixedCount => FixedWeights.Count;

    public int Count => Masks.Count / Features;

    /// <summary>The random draws: each names one or two (sample, complement) unique mask indexes.</summary>
    public List<(int First, int Second)> Draws { get; } = [];

    /// <summary>Kernel weight left for the sampled part, shared by the random draws.</summary>
    public double RandomWeight { get; private set; }

    public static KernelCoalitionSample Create(int m, int budget, Random random)
    {
        var sample = new KernelCoalitionSample(m);
        int sizes = (m - 1 + 1) / 2;
        int pairedSizes = (m - 1) / 2;
        var weightVector = new double[sizes + 1];
        double total = 0;
        for (int s = 1; s <= sizes; s++)
        {
            weightVector[s] = (m - 1.0) / (s * (double)(m - s));
            if (s <= pairedSizes)
            {
                weightVector[s] *= 2;
            }

            total += weightVector[s];
        }

        for (int s = 1; s <= sizes; s++)
        {
            weightVector[s] /= total;
        }

        var seen = new Dictionary<byte[], int>(Math.Min(budget, 1 << 16), MaskComparer.Instance);
        var remaining = (double[])weightVector.Clone();
        int left = budget;
        int fullSizes = 0;
        for (int s = 1; s <= sizes; s++)
        {
            double subsets = ShapleyWeights.Binomial(m, s) * (s <= pairedSizes ? 2 : 1);
            if (left * remaining[s] / subsets < 1 - 1e-8)
            {
                break;
            }

            fullSizes++;
            left -= (int)subsets;
            if (remaining[s] < 1)
            {
                double scale = 1 - remaining[s];
                for (int t = 1; t <= sizes; t++)
                {
                    remaining[t] /= scale;
                }
            }

            double w = weightVector[s] / ShapleyWeights.Binomial(m, s) / (s <= pairedSizes ? 2 : 1);
            foreach (var mask in Combinations(m, s))
            {
                sample.AddFixed(mask, w, seen);
                if (s <= pairedSizes)
                {
                    sample.AddFixed(Complement(mask), w, seen);
                }
            }
        }

        if (fullSizes < sizes && left > 0)
        {
            sample.SampleRest(m, weightVector, fullSizes, pairedSizes, left, random, seen);
        }

        return sample;
    }

    private void SampleRest(int m, double[] weightVector, int fullSizes, int pairedSizes, int left, Random random, Dictionary<byte[], int> seen)
    {
        int sizes = weightVector.Length - 1;
        var cumulative = new double[sizes - fullSizes];
        double acc = 0;
        for (int s = fullSizes + 1; s <= sizes; s++)
        {
            acc += s <= pairedSizes ? weightVector[s] / 2 : weightVector[s];
            cumulative[s - fullSizes - 1] = acc;
        }

        double leftover = 0;
        for (int s = fullSizes + 1; s <= sizes; s++)
        {
            leftover += weightVector[s];
        }

        RandomWeight = leftover;
        var order = new int[m];
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        int maxDraws = 4 * left;
        var mask = new byte[m];
        for (int draw = 0; draw < maxDraws && left > 0; draw++)
        {
            double u = random.NextDouble() * acc;
            int index = Array.FindIndex(cumulative, c => u < c);
            int size = fullSizes + 1 + (index < 0 ? cumulative.Length - 1 : index);
            for (int i = 0; i < size; i++)
            {
                int j = i + random.Next(m - i);
                (order[i], order[j]) = (order[j], order[i]);
            }

            Array.Clear(mask);
            for (int i = 0; i < size; i++)
            {
                mask[order[i]] = 1;
            }

            int first = Add(mask, seen, ref left);
            int second = -1;
            if (left > 0 && size <= pairedSizes)
            {
                second = Add(Complement(mask), seen, ref left);
            }

            Draws.Add((first, second));
        }
    }

    private int Add(byte[] mask, Dictionary<byte[], int> seen, ref int left)
    {
        if (seen.TryGetValue(mask, out int existing))
        {
            return existing;
        }

        int index = Count;
        seen[(byte[])mask.Clone()] = index;
        Masks.AddRange(mask);
        left--;
        return index;
    }

    private void AddFixed(byte[] mask, double weight, Dictionary<byte[], int> seen)
    {
        seen[mask] = Count;
        Masks.AddRange(mask);
        FixedWeights.Add(weight);
    }

    private static byte[] Complement(byte[] mask)
    {
        var result = new byte[mask.Length];
        for (int i = 0; i < mask.Length; i++)
        {
            result[i] = (byte)(1 - mask[i]);
        }

        return result;
    }

    private static IEnumerable<byte[]> Combinations(int m, int s)
    {
        var index = new int[s];
        for (int i = 0; i < s; i++)
        {
            index[i] = i;
        }

        while (true)
        {
            var mask = new byte[m];
            foreach (int i in index)
            {
                mask[i] = 1;
            }

            yield return mask;
            int p = s - 1;
            while (p >= 0 && index[p] == m - s + p)
            {
                p--;
            }

            if (p < 0)
            {
                yield break;
            }

            index[p]++;
            for (int i = p + 1; i < s; i++)
            {
                index[i] = index[i - 1] + 1;
            }
        }
    }

    /// <summary>Compares masks by content, so coalitions are deduplicated without building string keys.</summary>
    private sealed class MaskComparer : IEqualityComparer<byte[]>
    {
        public static readonly MaskComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
