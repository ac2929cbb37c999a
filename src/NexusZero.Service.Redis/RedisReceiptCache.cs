using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NexusZero.Service.Caching;
using StackExchange.Redis;

namespace NexusZero.Service.Redis;

/// <summary>
/// A receipt store in Redis, shared by every service instance that points at the same server: SET with an
/// expiry, a bounded GETRANGE, DEL. Redis is untrusted (the coordinator re-verifies what it reads) and may be
/// down: then a read is a miss and a write a no-op, each logged without its value and counted on
/// <see cref="ReceiptCacheMetrics.StoreErrorsInstrument"/>, and the connection comes back on its own.
/// </summary>
/// <remarks>
/// Values are read with <c>GETRANGE key 0 MaxValueBytes</c>, so a poisoned entry of any size costs at most
/// <see cref="RedisReceiptCacheOptions.MaxValueBytes"/> + 1 bytes. GETRANGE answers an empty string for a
/// missing key, so an empty value is indistinguishable from none: empty values are not stored.
/// </remarks>
public sealed partial class RedisReceiptCache : IReceiptCache, IAsyncDisposable, IDisposable
{
    // One warning per window while Redis stays down; the counter still sees every failure.
    private static readonly TimeSpan LogWindow = TimeSpan.FromSeconds(10);

    private static readonly Meter SharedMeter = new(ReceiptCacheMetrics.MeterName);

    private readonly RedisReceiptCacheOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Counter<long> _storeErrors;
    private readonly ConfigurationOptions _configuration;
    private readonly Lock _connectLock = new();
    private Task<ConnectionMultiplexer>? _connection;
    private long _lastLogTimestamp = long.MinValue;
    private long _suppressed;
    private bool _disposed;

    /// <summary>Creates the store; the connection opens on first use and is kept open.</summary>
    /// <param name="options">Where Redis is and how long to wait for it.</param>
    /// <param name="logger">Where failures are logged (operation and error kind, never a value); null for none.</param>
    /// <param name="meterFactory">Creates the <see cref="ReceiptCacheMetrics.MeterName"/> meter; null for a process-wide one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range or the configuration string does not parse.</exception>
    public RedisReceiptCache(RedisReceiptCacheOptions options, ILogger<RedisReceiptCache>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxValueBytes, nameof(options) + "." + nameof(RedisReceiptCacheOptions.MaxValueBytes));
        var configuration = BuildConfiguration(options);
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = TimeProvider.System;
        var meter = meterFactory?.Create(ReceiptCacheMetrics.MeterName) ?? SharedMeter;
        _storeErrors = meter.CreateCounter<long>(ReceiptCacheMetrics.StoreErrorsInstrument, "{error}", "Receipt store operations that failed and were treated as a miss or a no-op.");
        _configuration = configuration;
    }

    /// <summary>True while the connection to Redis is up.</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is { IsCompletedSuccessfully: true } connection && connection.Result.IsConnected;

    /// <inheritdoc />
    public async ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var value = await database.StringGetRangeAsync(key.Value, 0, _options.MaxValueBytes).WaitAsync(cancellationToken).ConfigureAwait(false);
            byte[]? bytes = value;
            if (bytes is null || bytes.Length == 0)
            {
                return null;
            }

            if (bytes.Length > _options.MaxValueBytes)
            {
                Failed("get", "oversized", null);
                return null;
            }

            return bytes;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed("get", Reason(ex), ex);
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>An empty value, one over <see cref="RedisReceiptCacheOptions.MaxValueBytes"/> or a non-positive
    /// <paramref name="timeToLive"/> stores nothing.</remarks>
    public async ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value.IsEmpty || timeToLive <= TimeSpan.Zero)
        {
            return;
        }

        if (value.Length > _options.MaxValueBytes)
        {
            Failed("set", "oversized", null);
            return;
        }

        // Redis expiries are whole milliseconds; round up so a short TTL never becomes "no expiry" or an error.
        var expiry = TimeSpan.FromMilliseconds(Math.Ceiling(timeToLive.TotalMilliseconds));
        try
        {
            var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            await database.StringSetAsync(key.Value, value, expiry).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed("set", Reason(ex), ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            await database.KeyDeleteAsync(key.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed("remove", Reason(ex), ex);
        }
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connection;
        lock (_connectLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
        }

        if (connection is null)
        {
            return;
        }

        await ((Task)connection).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (connection.IsCompletedSuccessfully)
        {
            await connection.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Task<ConnectionMultiplexer>? connection;
        lock (_connectLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
        }

        if (connection is { IsCompletedSuccessfully: true })
        {
            connection.Result.Dispose();
        }
    }

    internal static ConfigurationOptions BuildConfiguration(RedisReceiptCacheOptions options)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(options.Configuration ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{nameof(RedisReceiptCacheOptions)}.{nameof(RedisReceiptCacheOptions.Configuration)}: {ex.Message}", nameof(options), ex);
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new ArgumentException($"{nameof(RedisReceiptCacheOptions)}.{nameof(RedisReceiptCacheOptions.Configuration)}: names no endpoint.", nameof(options));
        }

        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = Milliseconds(options.ConnectTimeout, nameof(RedisReceiptCacheOptions.ConnectTimeout));
        configuration.SyncTimeout = Milliseconds(options.OperationTimeout, nameof(RedisReceiptCacheOptions.OperationTimeout));
        configuration.AsyncTimeout = configuration.SyncTimeout;

        // Exception messages (which are logged) then name the command but not the key.
        configuration.IncludeDetailInExceptions = false;

        // Fail at once while disconnected instead of queueing behind a reconnect: a miss now beats a hit later.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var maxDelay = Milliseconds(options.MaxReconnectDelay, nameof(RedisReceiptCacheOptions.MaxReconnectDelay));
        configuration.ReconnectRetryPolicy = new ExponentialRetry(Math.Min(100, maxDelay), maxDelay);
        return configuration;
    }

    private static int Milliseconds(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(RedisReceiptCacheOptions) + "." + name, value, "Must be positive and at most 5 minutes.");
        }

        return (int)Math.Ceiling(value.TotalMilliseconds);
    }

    private async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_connectLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // With abortConnect=false the multiplexer reconnects by itself once created; only a failed creation
            // (which would otherwise be remembered forever) is tried again.
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
            {
                _connection = ConnectionMultiplexer.ConnectAsync(_configuration);
            }

            connecting = _connection;
        }

        var connection = await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        return connection.GetDatabase(_options.Database);
    }

    private static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is RedisException or TimeoutException or ObjectDisposedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Reason(Exception ex) => ex switch
    {
        RedisConnectionException or ObjectDisposedException => "unreachable",
        TimeoutException or OperationCanceledException => "timeout",
        RedisServerException => "server_error",
        _ => "exception",
    };

    private void Failed(string operation, string reason, Exception? exception)
    {
        _storeErrors.Add(
            1,
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.StoreTag, "redis"),
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.OperationTag, operation),
            new KeyValuePair<string, object?>(ReceiptCacheMetrics.ReasonTag, reason));

        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogTimestamp);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < LogWindow)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        if (Interlocked.CompareExchange(ref _lastLogTimestamp, now, last) != last)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        // The exception's type and message name the endpoint and the failure, never a value or (details off) a key.
        LogFailed(_logger, operation, reason, Interlocked.Exchange(ref _suppressed, 0), exception?.GetType().Name ?? "none", exception?.Message ?? string.Empty);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Redis receipt cache {Operation} failed ({Reason}), served as a miss or a no-op; {Suppressed} similar failures since the last report. {ExceptionType}: {ExceptionMessage}")]
    private static partial void LogFailed(ILogger logger, string operation, string reason, long suppressed, string exceptionType, string exceptionMessage);
}
