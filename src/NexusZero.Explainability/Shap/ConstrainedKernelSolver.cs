using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Shapley-kernel weighted least squares with the efficiency constraint Σφ = f(x) − base built in: the last active
/// feature is eliminated (φ_last = Δ − Σ_{j&lt;last} φ_j) and the reduced normal equations are solved by Cholesky
/// (pseudo-inverse when too few coalitions make them singular), so base + Σφ = f(x) holds by construction.
/// The design rows are precomputed once, and a prefix of the samples (the enumerated coalitions) can be accumulated
/// once and reused, which is what makes the bootstrap cheap.
/// </summary>
internal sealed class ConstrainedKernelSolver
{
    private readonly int _m;
    private readonly int[] _active;
    private readonly int _q;
    private readonly sbyte[] _design;
    private readonly double[] _lastColumn;

    /// <param name="masks">Row-major masks, count × m.</param>
    /// <param name="m">Number of features.</param>
    /// <param name="active">Features allowed a non-zero value (at least one), ascending.</param>
    public ConstrainedKernelSolver(ReadOnlySpan<byte> masks, int m, int[] active)
    {
        _m = m;
        _active = active;
        _q = active.Length - 1;
        int count = masks.Length / m;
        _design = new sbyte[count * Math.Max(_q, 1)];
        _lastColumn = new double[count];
        int last = active[^1];
        for (int i = 0; i < count; i++)
        {
            var mask = masks.Slice(i * m, m);
            _lastColumn[i] = mask[last];
            for (int j = 0; j < _q; j++)
            {
                _design[(i * _q) + j] = (sbyte)(mask[active[j]] - mask[last]);
            }
        }
    }

    public int Reduced => _q;

    /// <summary>Adds samples [start, end) with their weights to the lower triangle of the Gram matrix and to the right-hand side.</summary>
    /// <param name="weights">Kernel weight per sample.</param>
    /// <param name="targets">v(S) − base per sample.</param>
    /// <param name="delta">f(x) − base.</param>
    /// <param name="start">First sample.</param>
    /// <param name="end">One past the last sample.</param>
    /// <param name="gram">q × q accumulator (lower triangle used).</param>
    /// <param name="rhs">q accumulator.</param>
    public void Accumulate(ReadOnlySpan<double> weights, ReadOnlySpan<double> targets, double delta, int start, int end, Span<double> gram, Span<double> rhs)
    {
        int q = _q;
        for (int i = start; i < end; i++)
        {
            double w = weights[i];
            if (w == 0)
            {
                continue;
            }

            double t = targets[i] - (_lastColumn[i] * delta);
            var d = _design.AsSpan(i * q, q);
            for (int j = 0; j < q; j++)
            {
                double dj = d[j];
                if (dj == 0)
                {
                    continue;
                }

                double wd = w * dj;
                rhs[j] += wd * t;
                var row = gram.Slice(j * q, j + 1);
                for (int l = 0; l <= j; l++)
                {
                    row[l] += wd * d[l];
                }
            }
        }
    }

    /// <summary>Length of one packed sample: the q(q+1)/2 lower-triangle Gram terms followed by the q right-hand-side terms.</summary>
    public int PackedLength => (_q * (_q + 1) / 2) + _q;

    /// <summary>
    /// Each sample's unweighted contribution d·dᵀ and d·t, packed, for samples [start, end): a weighted sum of these rows
    /// is a vectorized axpy per sample, which is all a bootstrap replicate needs.
    /// </summary>
    /// <param name="targets">v(S) − base per sample.</param>
    /// <param name="delta">f(x) − base.</param>
    /// <param name="start">First sample.</param>
    /// <param name="end">One past the last sample.</param>
    /// <param name="packed">Destination, (end − start) × <see cref="PackedLength"/> values.</param>
    public void Pack(ReadOnlySpan<double> targets, double delta, int start, int end, Span<double> packed)
    {
        int q = _q;
        int length = PackedLength;
        for (int i = start; i < end; i++)
        {
            var row = packed.Slice((i - start) * length, length);
            var d = _design.AsSpan(i * q, q);
            double t = targets[i] - (_lastColumn[i] * delta);
            int index = 0;
            for (int j = 0; j < q; j++)
            {
                for (int l = 0; l <= j; l++)
                {
                    row[index++] = d[j] * d[l];
                }
            }

            for (int j = 0; j < q; j++)
            {
                row[index++] = d[j] * t;
            }
        }
    }

    /// <summary>Converts Gram/right-hand-side accumulators into the packed layout.</summary>
    public void PackSums(ReadOnlySpan<double> gram, ReadOnlySpan<double> rhs, Span<double> sums)
    {
        int index = 0;
        for (int j = 0; j < _q; j++)
        {
            for (int l = 0; l <= j; l++)
            {
                sums[index++] = gram[(j * _q) + l];
            }
        }

        rhs[.._q].CopyTo(sums[index..]);
    }

    /// <summary>
    /// Adds samples [start, end) with their weights straight into packed sums, forming each product on the fly: what
    /// <see cref="Pack"/> followed by <see cref="AccumulatePacked"/> computes, in O(q²) memory instead of O(samples · q²).
    /// </summary>
    public void AccumulateDirect(ReadOnlySpan<double> weights, ReadOnlySpan<double> targets, double delta, int start, int end, Span<double> sums)
    {
        int q = _q;
        int gramLength = q * (q + 1) / 2;
        for (int i = start; i < end; i++)
        {
            double w = weights[i];
            if (w == 0)
            {
                continue;
            }

            var d = _design.AsSpan(i * q, q);
            double t = targets[i] - (_lastColumn[i] * delta);
            int index = 0;
            for (int j = 0; j < q; j++)
            {
                double wd = w * d[j];
                if (wd == 0)
                {
                    index += j + 1;
                    continue;
                }

                var row = sums.Slice(index, j + 1);
                for (int l = 0; l <= j; l++)
                {
                    row[l] += wd * d[l];
                }

                index += j + 1;
                sums[gramLength + j] += wd * t;
            }
        }
    }

    /// <summary>Adds Σ weights[start + i] · packed row i into <paramref name="sums"/> (packed layout).</summary>
    public void AccumulatePacked(ReadOnlySpan<double> weights, int start, int rows, ReadOnlySpan<double> packed, Span<double> sums)
    {
        int length = PackedLength;
        int vc = System.Numerics.Vector<double>.Count;
        for (int i = 0; i < rows; i++)
        {
            double w = weights[start + i];
            if (w == 0)
            {
                continue;
            }

            var row = packed.Slice(i * length, length);
            var scale = new System.Numerics.Vector<double>(w);
            int c = 0;
            for (; c + vc <= length; c += vc)
            {
                (SimdVector.Create<double>(sums.Slice(c)) + (scale * SimdVector.Create<double>(row.Slice(c)))).CopyTo(sums.Slice(c));
            }

            for (; c < length; c++)
            {
                sums[c] += w * row[c];
            }
        }
    }

    /// <summary>Solves from packed sums (see <see cref="Pack"/>).</summary>
    public void FinishPacked(ReadOnlySpan<double> sums, double delta, Span<double> phi)
    {
        int q = _q;
        var gram = new double[q * q];
        var rhs = new double[q];
        int index = 0;
        for (int j = 0; j < q; j++)
        {
            for (int l = 0; l <= j; l++)
            {
                gram[(j * q) + l] = sums[index++];
            }
        }

        for (int j = 0; j < q; j++)
        {
            rhs[j] = sums[index++];
        }

        Finish(gram, rhs, delta, phi);
    }

    /// <summary>Solves from accumulated sums and writes φ (inactive features 0).</summary>
    /// <param name="gram">The accumulated lower triangle (q × q).</param>
    /// <param name="rhs">The accumulated right-hand side.</param>
    /// <param name="delta">f(x) − base.</param>
    /// <param name="phi">Destination, m values.</param>
    public void Finish(ReadOnlySpan<double> gram, ReadOnlySpan<double> rhs, double delta, Span<double> phi)
    {
        phi[.._m].Clear();
        if (_q == 0)
        {
            phi[_active[0]] = delta;
            return;
        }

        var symmetric = new double[_q * _q];
        for (int j = 0; j < _q; j++)
        {
            for (int l = 0; l <= j; l++)
            {
                symmetric[(j * _q) + l] = symmetric[(l * _q) + j] = gram[(j * _q) + l];
            }
        }

        var matrix = Matrix<double>.Build.Dense(_q, _q, symmetric);
        var vector = Vector<double>.Build.Dense(rhs[.._q].ToArray());
        Vector<double> solution;
        try
        {
            solution = matrix.Cholesky().Solve(vector);
        }
        catch (ArgumentException)
        {
            solution = matrix.PseudoInverse() * vector;
        }

        double sum = 0;
        for (int j = 0; j < _q; j++)
        {
            phi[_active[j]] = solution[j];
            sum += solution[j];
        }

        phi[_active[^1]] = delta - sum;
    }

    /// <summary>Accumulates every sample and solves.</summary>
    /// <param name="weights">Kernel weight per sample.</param>
    /// <param name="targets">v(S) − base per sample.</param>
    /// <param name="delta">f(x) − base.</param>
    /// <param name="phi">Destination, m values.</param>
    public void Solve(ReadOnlySpan<double> weights, ReadOnlySpan<double> targets, double delta, Span<double> phi)
    {
        var gram = new double[_q * _q];
        var rhs = new double[_q];
        Accumulate(weights, targets, delta, 0, weights.Length, gram, rhs);
        Finish(gram, rhs, delta, phi);
    }
}
