namespace NexusZero.Service.Redis;

/// <summary>Settings of the Redis receipt cache.</summary>
public sealed class RedisReceiptCacheOptions
{
    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,abortConnect=false</c>.</summary>
    public string Configuration { get; set; } = "127.0.0.1:6379,abortConnect=false";
}
