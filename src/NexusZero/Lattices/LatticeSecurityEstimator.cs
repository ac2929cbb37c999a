namespace NexusZero.Lattices;

/// <summary>
/// Core-SVP security estimates for Module-LWE and Module-SIS over Z_q[X]/(X^256 + 1), following the
/// methodology of the lattice estimator as used by Kyber and Dilithium: BKZ-β reaches root-Hermite
/// factor δ(β) = ((πβ)^(1/β)·β/(2πe))^(1/(2(β−1))) under the geometric series assumption, and one SVP
/// call in dimension β costs 2^(0.292β) classically, 2^(0.265β) quantumly.
/// </summary>
/// <remarks>
/// Primal attack on LWE (Alkim–Ducas–Pöppelmann–Schwabe 2016, "New Hope"): with m samples the uSVP
/// embedding has dimension d = n + m + 1 and succeeds when σ·√β ≤ δ^(2β−d)·q^(m/d); the optimal m
/// maximises the right side, at d = √((n + 1)·ln q / ln δ), so each β is checked in O(1) and β is found
/// by bisection. ℓ∞ Module-SIS (Dilithium's analysis): BKZ-β on the randomised q-ary lattice gives a
/// first vector of length ℓ; it spreads over the d coordinates of the sloped part like a Gaussian of
/// width ℓ/√d, and the sieve yields 2^(0.2075β) such vectors, so the cost is
/// 0.292β + max(0, −log2 Pr[all |x_i| ≤ B] − 0.2075β), minimised over β. Used only on public parameters.
/// </remarks>
internal static class LatticeSecurityEstimator
{
    private const int RingDegree = Polynomial.N;
    private const int MinimumBlockSize = 50;
    private const double SievedVectorsPerDimension = 0.2075;
    private const int CoarseStep = 5;

    /// <summary>δ(β), the root-Hermite factor of BKZ-β.</summary>
    public static double RootHermiteFactor(int blockSize)
    {
        double b = blockSize;
        return Math.Pow(Math.Pow(Math.PI * b, 1.0 / b) * b / (2 * Math.PI * Math.E), 1.0 / (2.0 * (b - 1)));
    }

    /// <summary>The standard deviation of the uniform distribution on [−η, η]: √(η(η+1)/3).</summary>
    public static double UniformStandardDeviation(int eta) => Math.Sqrt(eta * (eta + 1) / 3.0);

    /// <summary>
    /// Primal (uSVP) attack on Module-LWE with a k×l matrix and secret and error uniform in [−η, η]
    /// (l ring elements of secret, up to k of samples).
    /// </summary>
    public static CoreSvpEstimate ModuleLwePrimal(int k, int l, int eta, int q = Zq.Q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eta);
        int n = RingDegree * l;
        int maxSamples = RingDegree * k;
        double sigma = UniformStandardDeviation(eta);
        int low = MinimumBlockSize;
        int high = n + maxSamples + 1;
        if (!PrimalSucceeds(high, n, maxSamples, sigma, q, out _))
        {
            return CoreSvpEstimate.ForBlockSize(high, high);
        }

        while (low < high)
        {
            int middle = (low + high) / 2;
            if (PrimalSucceeds(middle, n, maxSamples, sigma, q, out _))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        PrimalSucceeds(low, n, maxSamples, sigma, q, out int dimension);
        return CoreSvpEstimate.ForBlockSize(low, dimension);
    }

    /// <summary>
    /// ℓ∞ Module-SIS: find x ≠ 0 with ‖x‖∞ ≤ <paramref name="bound"/> and [A | …]·x = 0 for a uniform
    /// matrix of <paramref name="equations"/> rows and <paramref name="columns"/> columns (in ring elements).
    /// </summary>
    public static CoreSvpEstimate ModuleSisInfinity(int equations, int columns, double bound, int q = Zq.Q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(equations);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(columns, equations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        int h = RingDegree * equations;
        int w = RingDegree * columns;
        if (bound >= (q - 1) / 2.0)
        {
            return CoreSvpEstimate.ForBlockSize(0, w);
        }

        double logVolume = h * Math.Log(q);
        double bestCost = double.MaxValue;
        int bestBlock = w;
        int bestDimension = w;

        // Coarse pass in steps of 5 (as Dilithium's own script does), then every block size around the
        // coarse optimum: a few hundred evaluations instead of one per block size.
        for (int b = MinimumBlockSize; b < w; b += CoarseStep)
        {
            if (CoreSvpEstimate.ClassicalCostPerDimension * b > bestCost)
            {
                break;
            }

            Consider(b);
        }

        int coarse = bestBlock;
        for (int b = Math.Max(MinimumBlockSize, coarse - CoarseStep + 1); b < Math.Min(w, coarse + CoarseStep); b++)
        {
            Consider(b);
        }

        void Consider(int b)
        {
            double slope = 2 * Math.Log(RootHermiteFactor(b));
            int sloped = (int)Math.Floor((-1 + Math.Sqrt(1 + (8 * logVolume / slope))) / 2);
            sloped = Math.Clamp(sloped, 1, w);
            double excess = (slope * sloped * (sloped + 1) / 2) - logVolume;
            double firstLength = Math.Exp((slope * sloped) - (excess / sloped));
            double width = firstLength / Math.Sqrt(sloped);
            double inside = Erf(bound / (width * Math.Sqrt(2)));
            double log2Success = inside >= 1 ? 0 : sloped * Math.Log2(inside);
            double cost = (CoreSvpEstimate.ClassicalCostPerDimension * b) + Math.Max(0, -log2Success - (SievedVectorsPerDimension * b));
            if (cost < bestCost)
            {
                bestCost = cost;
                bestBlock = b;
                bestDimension = sloped;
            }
        }

        // The cost may include repetitions beyond one SVP call; report it in block-size units so the
        // classical and quantum figures stay comparable.
        double effectiveBlock = bestCost / CoreSvpEstimate.ClassicalCostPerDimension;
        return new CoreSvpEstimate(
            bestBlock,
            bestCost,
            CoreSvpEstimate.QuantumCostPerDimension * effectiveBlock,
            bestDimension);
    }

    private static bool PrimalSucceeds(int blockSize, int n, int maxSamples, double sigma, int q, out int dimension)
    {
        double logDelta = Math.Log(RootHermiteFactor(blockSize));
        double logQ = Math.Log(q);
        double optimal = Math.Sqrt((n + 1) * logQ / logDelta);
        int bestSamples = Math.Clamp((int)Math.Round(optimal) - n - 1, 1, maxSamples);
        double lhs = Math.Log(sigma) + (0.5 * Math.Log(blockSize));
        dimension = n + bestSamples + 1;
        for (int m = Math.Max(1, bestSamples - 1); m <= Math.Min(maxSamples, bestSamples + 1); m++)
        {
            int d = n + m + 1;
            double rhs = ((2.0 * blockSize - d) * logDelta) + ((double)m / d * logQ);
            if (lhs <= rhs)
            {
                dimension = d;
                return true;
            }
        }

        return false;
    }

    /// <summary>The error function (Abramowitz–Stegun 7.1.26 is too coarse near 1, so a series/continued fraction is used).</summary>
    private static double Erf(double x)
    {
        if (x < 0)
        {
            return -Erf(-x);
        }

        if (x < 2.5)
        {
            // Maclaurin series: erf x = 2/√π Σ (−1)^k x^(2k+1) / (k!(2k+1)).
            double sum = 0;
            double term = x;
            for (int k = 0; k < 100; k++)
            {
                double contribution = term / ((2 * k) + 1);
                sum += contribution;
                if (Math.Abs(contribution) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }

                term *= -x * x / (k + 1);
            }

            return 2 / Math.Sqrt(Math.PI) * sum;
        }

        // Continued fraction for erfc, accurate for large x.
        double fraction = 0;
        for (int k = 60; k >= 1; k--)
        {
            fraction = k / 2.0 / (x + fraction);
        }

        return 1 - (Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + fraction));
    }
}
