using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NexusZero.Service;
using NexusZero.Service.Caching;
using NexusZero.Service.Hosting;
using NexusZero.Service.Protos;
using NexusZero.Service.Redis;

namespace ServiceLoad;

/// <summary>
/// One instance of the service on a loopback port (HTTP/2 without TLS, so the figures are the service's, not the
/// handshake's), with the Wine MLP, the rate limit raised out of the way, the admin calls on (the fault phase reads the
/// verifying key through ListModels) and everything else at the service's defaults; plus a gRPC channel to it.
/// </summary>
internal sealed class ServiceUnderLoad : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private ServiceUnderLoad(WebApplication app, GrpcChannel channel, string callerKey, string adminKey)
    {
        _app = app;
        _channel = channel;
        Inference = new VerifiableInference.VerifiableInferenceClient(channel);
        Admin = new ModelAdmin.ModelAdminClient(channel);
        Headers = new Metadata { { "x-api-key", callerKey } };
        AdminHeaders = new Metadata { { "x-api-key", adminKey } };
    }

    public VerifiableInference.VerifiableInferenceClient Inference { get; }

    public ModelAdmin.ModelAdminClient Admin { get; }

    public Metadata Headers { get; }

    public Metadata AdminHeaders { get; }

    /// <param name="data">The folder with wine-mlp.onnx and wine-background.csv.</param>
    /// <param name="redisConfiguration">A StackExchange.Redis configuration for the Redis store; null for the in-process memory store.</param>
    /// <param name="validatorSetPath">A validator-set file with endpoints for remote validators; null for in-process ones.</param>
    public static async Task<ServiceUnderLoad> StartAsync(string data, string? redisConfiguration = null, string? validatorSetPath = null)
    {
        var callerKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        if (redisConfiguration is null)
        {
            builder.Services.AddNexusZeroMemoryReceiptCache();
        }
        else
        {
            builder.Services.AddNexusZeroRedisReceiptCache(o => o.Configuration = redisConfiguration);
        }

        builder.Services.AddNexusZeroService(o =>
        {
            o.Models.Add(new ModelSource { Id = "wine", OnnxPath = Path.Combine(data, "wine-mlp.onnx"), BackgroundCsvPath = Path.Combine(data, "wine-background.csv") });
            o.CallerKeyDigests["load"] = Digest(callerKey);
            o.AdminEnabled = true;
            o.AdminKeyDigests["admin"] = Digest(adminKey);
            o.RateLimitPermits = 1_000_000;
            o.ValidatorSetPath = validatorSetPath;
        });
        var app = builder.Build();
        app.UseNexusZeroService();
        app.MapNexusZeroService();
        await app.StartAsync().ConfigureAwait(false);
        var channel = GrpcChannel.ForAddress(app.Urls.First(), new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        return new ServiceUnderLoad(app, channel, callerKey, adminKey);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
