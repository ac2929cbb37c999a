using NexusZero.Groups.Bn254;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Compute;

/// <summary>
/// Sends each operation to the accelerator or the CPU by <see cref="ComputeOptions"/>, redoes it on the CPU when the
/// accelerator throws (no device, out of memory, a kernel fault) and counts what ran where for the proof's metrics.
/// Thread-safe: the prover runs transforms in parallel.
/// </summary>
internal sealed class ComputeRouter
{
    /// <summary>The router of code outside any <see cref="ComputeScope"/>: CPU only, nothing recorded that anyone reads.</summary>
    public static ComputeRouter CpuOnly { get; } = new(ComputeOptions.Cpu, counts: false);

    private readonly ComputeOptions _options;
    private readonly bool _counts;
    private int _accelerated;
    private int _cpu;
    private string? _fallbackReason;

    public ComputeRouter(ComputeOptions options)
        : this(options, counts: true)
    {
    }

    private ComputeRouter(ComputeOptions options, bool counts)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _counts = counts;
    }

    /// <summary>The router of the innermost <see cref="ComputeScope"/> on this logical call path, else <see cref="CpuOnly"/>.</summary>
    public static ComputeRouter Current => ComputeScope.CurrentRouter ?? CpuOnly;

    /// <summary>What ran where so far.</summary>
    public ComputeReport Report
    {
        get
        {
            var reason = Volatile.Read(ref _fallbackReason);
            return new ComputeReport(Volatile.Read(ref _accelerated), Volatile.Read(ref _cpu), reason is not null, reason);
        }
    }

    /// <summary>The accelerator's name when it ran anything, else the CPU's.</summary>
    public string BackendName => Volatile.Read(ref _accelerated) > 0 ? _options.Accelerator!.Name : ComputeBackend.Cpu.Name;

    public G1Point MultiplyG1(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Point> points, DataSecrecy secrecy)
    {
        ComputeChecks.Msm(scalars.Length, points.Length);
        var accelerator = Choose(points.Length, _options.MsmThreshold, secrecy);
        if (accelerator is not null)
        {
            try
            {
                var result = accelerator.MultiplyG1(scalars, points);
                Interlocked.Increment(ref _accelerated);
                return result;
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                RecordFallback("G1 MSM", ex);
            }
        }

        CountCpu();
        return ComputeBackend.Cpu.MultiplyG1(scalars, points);
    }

    public G2Point MultiplyG2(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G2Point> points, DataSecrecy secrecy)
    {
        ComputeChecks.Msm(scalars.Length, points.Length);
        var accelerator = Choose(points.Length, _options.MsmThreshold, secrecy);
        if (accelerator is { SupportsG2: true })
        {
            try
            {
                var result = accelerator.MultiplyG2(scalars, points);
                Interlocked.Increment(ref _accelerated);
                return result;
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                RecordFallback("G2 MSM", ex);
            }
        }

        CountCpu();
        return ComputeBackend.Cpu.MultiplyG2(scalars, points);
    }

    /// <summary>A ristretto255 MSM; its CPU path is variable-time, so callers pass public scalars only.</summary>
    public EdwardsPoint MultiplyRistretto(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points)
    {
        ComputeChecks.Msm(scalars.Length, points.Length);
        var accelerator = Choose(points.Length, _options.MsmThreshold, DataSecrecy.Public);
        if (accelerator is not null)
        {
            try
            {
                var result = accelerator.MultiplyRistretto(scalars, points);
                Interlocked.Increment(ref _accelerated);
                return result;
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                RecordFallback("ristretto255 MSM", ex);
            }
        }

        CountCpu();
        return ComputeBackend.Cpu.MultiplyRistretto(scalars, points);
    }

    /// <summary>
    /// Whether a public ristretto255 MSM of <paramref name="points"/> terms would go to the accelerator: callers whose
    /// CPU path is not a plain MSM (precomputed generator tables) gather the points only when it would.
    /// </summary>
    public bool OffloadsRistretto(int points) => Choose(points, _options.MsmThreshold, DataSecrecy.Public) is not null;

    public void TransformFr(FrDomain domain, Span<Fr> values, FrTransform kind, DataSecrecy secrecy)
    {
        ComputeChecks.FrBatch(domain, values.Length);
        var accelerator = Choose(values.Length, _options.NttThreshold, secrecy);
        if (accelerator is not null)
        {
            // The accelerator works on a copy, so that one failing half-way leaves the input intact for the CPU.
            var copy = values.ToArray();
            try
            {
                accelerator.TransformFr(domain, copy, kind);
                copy.CopyTo(values);
                Interlocked.Increment(ref _accelerated);
                return;
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                RecordFallback("Fr NTT", ex);
            }
            finally
            {
                Array.Clear(copy);
            }
        }

        CountCpu();
        ComputeBackend.Cpu.TransformFr(domain, values, kind);
    }

    public void LatticeForward(Span<int> polynomials, DataSecrecy secrecy) => Lattice(polynomials, secrecy, inverse: false);

    public void LatticeInverseToMontgomery(Span<int> polynomials, DataSecrecy secrecy) => Lattice(polynomials, secrecy, inverse: true);

    private void Lattice(Span<int> polynomials, DataSecrecy secrecy, bool inverse)
    {
        ComputeChecks.LatticeBatch(polynomials.Length);
        var accelerator = Choose(polynomials.Length, _options.NttThreshold, secrecy);
        if (accelerator is not null)
        {
            var copy = polynomials.ToArray();
            try
            {
                if (inverse)
                {
                    accelerator.LatticeInverseToMontgomery(copy);
                }
                else
                {
                    accelerator.LatticeForward(copy);
                }

                copy.CopyTo(polynomials);
                Interlocked.Increment(ref _accelerated);
                return;
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                RecordFallback("lattice NTT", ex);
            }
            finally
            {
                Array.Clear(copy);
            }
        }

        CountCpu();
        if (inverse)
        {
            ComputeBackend.Cpu.LatticeInverseToMontgomery(polynomials);
        }
        else
        {
            ComputeBackend.Cpu.LatticeForward(polynomials);
        }
    }

    // The shared CPU-only router is used by every caller outside a scope: nobody reads its counts, so it keeps none
    // (no contended increments, no wrap-around).
    private void CountCpu()
    {
        if (_counts)
        {
            Interlocked.Increment(ref _cpu);
        }
    }

    private ComputeBackend? Choose(int size, int threshold, DataSecrecy secrecy)
    {
        var accelerator = _options.Accelerator;
        if (_options.Mode == ComputeMode.Cpu || accelerator is null)
        {
            return null;
        }

        if (secrecy == DataSecrecy.Secret && !_options.AllowSecretScalars)
        {
            return null;
        }

        if (_options.Mode == ComputeMode.Automatic && (!accelerator.IsDeviceAccelerated || size < threshold))
        {
            return null;
        }

        return accelerator;
    }

    private void RecordFallback(string operation, Exception ex)
    {
        // The exception's type only: a message from a device driver could quote buffer contents.
        Interlocked.CompareExchange(ref _fallbackReason, $"{operation} on {_options.Accelerator!.Name} failed ({ex.GetType().Name}); the CPU path ran instead.", null);
    }
}
