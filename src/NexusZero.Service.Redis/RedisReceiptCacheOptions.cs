namespace NexusZero.Service.Redis;

/// <summary>Settings of the Redis receipt cache.</summary>
/// <remarks>
/// The typed settings below win over the same settings in <see cref="Configuration"/>: a cache must never
/// make a request wait long on a Redis that is down, so the timeouts are short and the connection never
/// aborts (it keeps reconnecting in the background while every operation reads as a miss).
/// </remarks>
public sealed class RedisReceiptCacheOptions
{
    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,abortConnect=false</c>.</summary>
    public string Configuration { get; set; } = "127.0.0.1:6379,abortConnect=false";

    /// <summary>How long one connection attempt may take. Default 1 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one GET, SET or DEL may take before it counts as a miss or a no-op. Default 250 ms.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between reconnection attempts while Redis is down. Default 2 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest value stored or read, in bytes. Larger values are not stored, and a larger value found in
    /// Redis is a miss: at most this many bytes plus one are ever read. Default 16 MiB.
    /// </summary>
    public int MaxValueBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Which Redis database to use. Default -1 (the configuration's default database).</summary>
    public int Database { get; set; } = -1;
}
