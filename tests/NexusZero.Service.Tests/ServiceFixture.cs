using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NexusZero.Explainability.Data;
using NexusZero.Service.Caching;
using NexusZero.Service.Consensus;
using NexusZero.Service.Hosting;
using NexusZero.Service.Models;
using NexusZero.Service.Security;

namespace NexusZero.Service.Tests;

/// <summary>The expensive part, done once for the whole project: the Wine model imported, quantized and set up.</summary>
public sealed class ServiceFixture : IDisposable
{
    public const string CallerKey = "caller-key-for-tests";
    public const string OtherCallerKey = "second-caller-key";
    public const string AdminKey = "admin-key-for-tests";
    public const string ModelId = "wine";

    public ServiceFixture()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Data");
        Onnx = File.ReadAllBytes(Path.Combine(dir, "wine-mlp.onnx"));
        var background = TabularCsv.Load(Path.Combine(dir, "wine-background.csv"));
        Model = RegisteredModel.Create(ModelId, Onnx, background.Rows, background.Columns);
        Instances = [.. TabularCsv.Load(Path.Combine(dir, "wine-instances.csv")).Rows];
    }

    public byte[] Onnx { get; }

    internal RegisteredModel Model { get; }

    public IReadOnlyList<double[]> Instances { get; }

    /// <summary>A fresh server (own registry, validators, cache) sharing the prepared model.</summary>
    internal TestService Start(Action<NexusZeroServiceOptions>? configure = null, IReceiptCache? cache = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var registry = new ModelRegistry(4);
        registry.Add(Model);
        builder.Services.AddSingleton(registry);
        var store = cache ?? new RecordingCache();
        builder.Services.AddSingleton(store);
        if (store is RecordingCache recording)
        {
            builder.Services.AddSingleton(recording);
        }

        builder.Services.AddNexusZeroService(o =>
        {
            o.CallerKeyDigests["tester"] = ApiKeyAuthenticator.Digest(CallerKey);
            o.CallerKeyDigests["other"] = ApiKeyAuthenticator.Digest(OtherCallerKey);
            o.AdminKeyDigests["root"] = ApiKeyAuthenticator.Digest(AdminKey);
            o.ExplainerBudget = 256;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.UseNexusZeroService();
        app.MapNexusZeroService();
        app.StartAsync().GetAwaiter().GetResult();
        return new TestService(app);
    }

    public void Dispose() => Model.Dispose();
}

/// <summary>A running test server with a gRPC channel and an HTTP client over its in-memory handler.</summary>
internal sealed class TestService : IDisposable
{
    private readonly WebApplication _app;

    public TestService(WebApplication app)
    {
        _app = app;
        var server = app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler(), MaxSendMessageSize = null });
        Http = server.CreateClient();
    }

    public GrpcChannel Channel { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public TestServer Server => _app.GetTestServer();

    public RecordingCache Cache => _app.Services.GetRequiredService<RecordingCache>();

    public ServiceValidators Validators => _app.Services.GetRequiredService<ServiceValidators>();

    public Results.CachedResultVerifier Verifier => _app.Services.GetRequiredService<Results.CachedResultVerifier>();

    public Protos.VerifiableInference.VerifiableInferenceClient Inference => new(Channel);

    public Protos.ModelAdmin.ModelAdminClient Admin => new(Channel);

    public void Dispose()
    {
        Channel.Dispose();
        Http.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }
}

/// <summary>An in-memory <see cref="IReceiptCache"/> that records what was stored and lets a test corrupt it.</summary>
internal sealed class RecordingCache : IReceiptCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public int Writes;

    public IReadOnlyCollection<string> Keys => [.. _entries.Keys];

    public ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(key.Value, out var value) ? (byte[]?)value.ToArray() : null);

    public ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Writes);
        _entries[key.Value] = value.ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key.Value, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>The stored bytes under <paramref name="key"/> (a copy).</summary>
    public byte[] Get(string key) => _entries[key].ToArray();

    /// <summary>Replaces what is stored under <paramref name="key"/>, as a store an attacker controls could.</summary>
    public void Put(string key, byte[] value) => _entries[key] = value.ToArray();

    /// <summary>Flips one bit of the byte at <paramref name="fraction"/> of the only entry's length.</summary>
    public void FlipByte(double fraction)
    {
        var key = Assert.Single(_entries.Keys);
        var value = _entries[key];
        value[(int)(fraction * (value.Length - 1))] ^= 0x01;
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceTestsDefinition : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}
