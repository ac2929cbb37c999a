using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NexusZero.Service.Caching;

/// <summary>
/// Serves results through an untrusted <see cref="IReceiptCache"/>: a cached value is served only after
/// it passes the caller's re-verification; one that fails is removed and computed again.
/// </summary>
/// <remarks>
/// Single-flight: concurrent requests for one key share one lookup and at most one computation; the first
/// gets <see cref="CacheOutcome.Hit"/>, <see cref="CacheOutcome.Miss"/> or <see cref="CacheOutcome.Rejected"/>,
/// the others <see cref="CacheOutcome.Shared"/>. A waiter's cancellation ends its own wait only; the
/// computation is cancelled when every waiter has gone. A failed computation reaches every waiter and is not
/// cached. Entries leave the in-flight table when their computation ends, so it holds at most one entry per
/// key being computed. A store that throws (the contract says it should not) is treated as a miss or a no-op.
/// Lookups are counted on the <see cref="ReceiptCacheMetrics.MeterName"/> meter.
/// </remarks>
public sealed partial class ReceiptCacheCoordinator
{
    private readonly IReceiptCache _cache;
    private readonly ReceiptCacheOptions _options;
    private readonly ILogger _logger;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _storeErrors;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Dictionary<ReceiptCacheKey, ReceiptCacheFlight> _flights = [];
    private readonly Lock _flightsLock = new();
    private readonly VerifiedValueMemo _verified;

    /// <summary>Creates a coordinator over <paramref name="cache"/>.</summary>
    public ReceiptCacheCoordinator(IReceiptCache cache, ReceiptCacheOptions options)
        : this(cache, options, null, null)
    {
    }

    /// <summary>Creates a coordinator over <paramref name="cache"/> that reports through <paramref name="meterFactory"/> and <paramref name="logger"/>.</summary>
    /// <param name="cache">The store.</param>
    /// <param name="options">The time to live of stored values.</param>
    /// <param name="meterFactory">Creates the <see cref="ReceiptCacheMetrics.MeterName"/> meter; null for a process-wide one.</param>
    /// <param name="logger">Where rejected values and store failures are logged (never the values); null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cache"/> or <paramref name="options"/> is null.</exception>
    public ReceiptCacheCoordinator(IReceiptCache cache, ReceiptCacheOptions options, IMeterFactory? meterFactory, ILogger<ReceiptCacheCoordinator>? logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _verified = new VerifiedValueMemo(options.VerifiedMemoCapacity);
        var meter = ReceiptCacheMetrics.GetMeter(meterFactory);
        _lookups = meter.CreateCounter<long>(ReceiptCacheMetrics.LookupsInstrument, "{lookup}", "Receipt cache lookups by outcome.");
        _storeErrors = meter.CreateCounter<long>(ReceiptCacheMetrics.StoreErrorsInstrument, "{error}", "Receipt store operations that failed and were treated as a miss or a no-op.");
        _inFlight = meter.CreateUpDownCounter<long>(ReceiptCacheMetrics.InFlightInstrument, "{computation}", "Receipt computations in flight.");
    }

    /// <summary>How many keys are being looked up or computed now (for tests: the table must drain).</summary>
    internal int InFlightCount
    {
        get
        {
            lock (_flightsLock)
            {
                return _flights.Count;
            }
        }
    }

    /// <summary>
    /// The value for <paramref name="key"/>: the cached one when <paramref name="isValid"/> accepts it,
    /// otherwise the result of <paramref name="compute"/>, which is then stored.
    /// </summary>
    /// <param name="key">What is asked for.</param>
    /// <param name="compute">Produces the value; its token is cancelled only when every waiter has gone. It runs on
    /// the thread pool and may outlive the request that started it, so it must not use that request's scoped
    /// services or context.</param>
    /// <param name="isValid">Re-verifies a cached value before it is served; it must check the value against this
    /// request (model, input, level), not only in itself. Only the first caller's delegates run for a key.</param>
    /// <param name="cancellationToken">Ends this caller's wait (not the computation others wait on).</param>
    /// <returns>The value and how it was obtained. The bytes are always ones <paramref name="compute"/> produced in this
    /// process, or that a first caller's <paramref name="isValid"/> accepted for this key, or byte for byte one of those
    /// (the memo of verified values): a caller may decode them without verifying them again.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>An exception from <paramref name="compute"/> or <paramref name="isValid"/> reaches every waiter.</remarks>
    public async ValueTask<CachedValue> GetOrComputeAsync(
        ReceiptCacheKey key,
        Func<CancellationToken, ValueTask<byte[]>> compute,
        Func<ReadOnlyMemory<byte>, bool> isValid,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(isValid);
        cancellationToken.ThrowIfCancellationRequested();

        ReceiptCacheFlight flight;
        var leader = false;
        lock (_flightsLock)
        {
            if (!_flights.TryGetValue(key, out flight!))
            {
                flight = new ReceiptCacheFlight();
                _flights.Add(key, flight);
                leader = true;
            }

            flight.Waiters++;
        }

        if (leader)
        {
            _inFlight.Add(1);

            // On the thread pool and not awaited: the flight runs on its own token, whatever happens to this
            // caller, and a computation that never yields cannot hold up the caller's own cancellation.
            _ = Task.Run(() => RunFlightAsync(key, flight, compute, isValid), CancellationToken.None);
        }

        CachedValue result;
        try
        {
            result = await flight.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Leave(key, flight);
            throw;
        }

        lock (_flightsLock)
        {
            flight.Waiters--;
        }

        var outcome = leader ? result.Outcome : CacheOutcome.Shared;
        _lookups.Add(1, new KeyValuePair<string, object?>(ReceiptCacheMetrics.OutcomeTag, ReceiptCacheMetrics.TagValue(outcome)));

        // Each caller gets its own array: a caller that writes into the value cannot change another's.
        return new CachedValue(leader ? result.Value : (byte[])result.Value.Clone(), outcome);
    }

    private void Leave(ReceiptCacheKey key, ReceiptCacheFlight flight)
    {
        lock (_flightsLock)
        {
            flight.Waiters--;
            if (flight.Waiters == 0 && !flight.IsFinished)
            {
                // Nobody wants the result any more: stop the work and let the next request start afresh.
                flight.IsFinished = true;
                if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
                {
                    _flights.Remove(key);
                }

                flight.Abandon();
            }
        }
    }

    private async Task RunFlightAsync(
        ReceiptCacheKey key,
        ReceiptCacheFlight flight,
        Func<CancellationToken, ValueTask<byte[]>> compute,
        Func<ReadOnlyMemory<byte>, bool> isValid)
    {
        CachedValue? result = null;
        Exception? failure = null;
        try
        {
            result = await LookUpOrComputeAsync(key, compute, isValid, flight.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            lock (_flightsLock)
            {
                flight.IsFinished = true;
                if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
                {
                    _flights.Remove(key);
                }
            }

            _inFlight.Add(-1);
        }

        // Out of the table before completing: a request arriving now reads the stored value instead.
        if (result is not null)
        {
            flight.SetResult(result);
        }
        else if (failure is OperationCanceledException && flight.Token.IsCancellationRequested)
        {
            flight.SetCanceled(flight.Token);
        }
        else
        {
            flight.SetException(failure!);
        }

        flight.Dispose();
    }

    private async Task<CachedValue> LookUpOrComputeAsync(
        ReceiptCacheKey key,
        Func<CancellationToken, ValueTask<byte[]>> compute,
        Func<ReadOnlyMemory<byte>, bool> isValid,
        CancellationToken cancellationToken)
    {
        var outcome = CacheOutcome.Miss;
        var cached = await TryGetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            // Bytes this process computed or verified for this key need no second verification (VerifiedValueMemo).
            if (_verified.Contains(key, cached))
            {
                return new CachedValue(cached, CacheOutcome.Hit);
            }

            if (isValid(cached))
            {
                _verified.Add(key, cached);
                return new CachedValue(cached, CacheOutcome.Hit);
            }

            outcome = CacheOutcome.Rejected;
            LogRejected(_logger);
            await RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var computed = await compute(cancellationToken).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(computed, nameof(compute));
        _verified.Add(key, computed);
        await SetAsync(key, computed, cancellationToken).ConfigureAwait(false);
        return new CachedValue(computed, outcome);
    }

    // The store is untrusted and should never throw; if one does, the request goes on as if it had missed.
    private async Task<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.TryGetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StoreFailed("get", ex);
            return null;
        }
    }

    private async Task SetAsync(ReceiptCacheKey key, byte[] value, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.SetAsync(key, value, _options.TimeToLive, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StoreFailed("set", ex);
        }
    }

    private async Task RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StoreFailed("remove", ex);
        }
    }

    private void StoreFailed(string operation, Exception exception)
    {
        _storeErrors.Add(
            1,
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.StoreTag, "custom"),
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.OperationTag, operation),
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.ReasonTag, "exception"));
        LogStoreFailed(_logger, operation, exception.GetType().Name);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A cached receipt failed re-verification; it was removed and is being computed again.")]
    private static partial void LogRejected(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The receipt store threw on {Operation} ({ExceptionType}); treated as a miss or a no-op.")]
    private static partial void LogStoreFailed(ILogger logger, string operation, string exceptionType);
}
