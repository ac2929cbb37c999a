using System.Diagnostics;
using NexusZero.Service.Caching;
using NexusZero.Service.Redis;
using NexusZero.Service.Tests.Caching.Support;
using StackExchange.Redis;

namespace NexusZero.Service.Tests.Caching;

/// <summary>The shared behaviour on <see cref="RedisReceiptCache"/> against a real redis-server, plus its read bound.</summary>
public sealed class RedisReceiptCacheTests : ReceiptCacheBehaviourTests, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private readonly List<RedisReceiptCache> _stores = [];

    public RedisReceiptCacheTests(RedisServerFixture redis) => _redis = redis;

    // Each call is a separate connection: two stores are two service instances sharing one Redis.
    private protected override IReceiptCache CreateStore() => CreateRedisStore();

    private protected override async Task PoisonAsync(ReceiptCacheKey key, byte[] value)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Server.Configuration);
        Assert.True(await connection.GetDatabase().StringSetAsync(key.Value, value, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task OversizedValueInRedis_IsAMissAndNotRead()
    {
        var store = CreateRedisStore(maxValueBytes: 1000);
        var key = TestKeys.NewKey();
        await PoisonAsync(key, TestKeys.GoodValue(1001));
        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));

        var fits = TestKeys.NewKey();
        await PoisonAsync(fits, TestKeys.GoodValue(1000));
        Assert.Equal(1000, (await store.TryGetAsync(fits, CancellationToken.None))?.Length);
    }

    [Fact]
    public async Task OversizedValue_IsNotStored()
    {
        var store = CreateRedisStore(maxValueBytes: 1000);
        var key = TestKeys.NewKey();
        await store.SetAsync(key, TestKeys.GoodValue(1001), TimeSpan.FromMinutes(1), CancellationToken.None);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Server.Configuration);
        Assert.False(await connection.GetDatabase().KeyExistsAsync(key.Value));
    }

    [Fact]
    public async Task SetAsync_UsesTheTimeToLive()
    {
        var store = CreateRedisStore();
        var key = TestKeys.NewKey();
        await store.SetAsync(key, TestKeys.GoodValue(), TimeSpan.FromSeconds(90), CancellationToken.None);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Server.Configuration);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key.Value);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task NoRedisListening_EveryOperationMissesQuickly()
    {
        // A port nobody listens on: the fixture's port with the server moved away is not ours to take,
        // so use a fresh server's port after stopping it.
        var dead = await RedisServer.StartAsync();
        await dead.DisposeAsync();
        var store = CreateRedisStore(configuration: dead.Configuration);
        var coordinator = new ReceiptCacheCoordinator(store, Options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            var result = await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
            Assert.Equal(CacheOutcome.Miss, result.Outcome);
            Assert.Equal(value, result.Value);
        }

        // Generous for a loaded 2-core machine; a stalled client would take the 1 s connect timeout per call or more.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"5 requests with Redis down took {clock.Elapsed}.");
        Assert.False(store.IsConnected);
    }

    [Fact]
    public void Options_ConfigurationWithoutEndpointIsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RedisReceiptCache(new RedisReceiptCacheOptions { Configuration = "abortConnect=false" }));
        Assert.Contains("endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_TypedTimeoutsAndFailFastWin()
    {
        var configuration = RedisReceiptCache.BuildConfiguration(new RedisReceiptCacheOptions
        {
            Configuration = "127.0.0.1:1,abortConnect=true,connectTimeout=60000,syncTimeout=60000",
            ConnectTimeout = TimeSpan.FromMilliseconds(700),
            OperationTimeout = TimeSpan.FromMilliseconds(150),
        });

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Equal(700, configuration.ConnectTimeout);
        Assert.Equal(150, configuration.SyncTimeout);
        Assert.Equal(150, configuration.AsyncTimeout);
        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private RedisReceiptCache CreateRedisStore(int maxValueBytes = 16 * 1024 * 1024, string? configuration = null)
    {
        var store = new RedisReceiptCache(new RedisReceiptCacheOptions
        {
            Configuration = configuration ?? _redis.Server.Configuration,
            MaxValueBytes = maxValueBytes,
        });
        _stores.Add(store);
        return store;
    }
}
