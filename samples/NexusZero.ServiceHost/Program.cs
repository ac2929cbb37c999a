using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NexusZero.Diagnostics;
using NexusZero.Service;
using NexusZero.Service.Caching;
using NexusZero.Service.Redis;
using NexusZero.Service.Hosting;
using NexusZero.ServiceHost;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The runnable host of NexusZero.Service (docs/service.md). TLS on by default, admin off by default, the Wine sample
// model loaded at start-up. `--self-test` starts on a free loopback port, calls itself at each level and exits 0.
var selfTest = args.Contains("--self-test", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args.Where(a => a != "--self-test")], ContentRootPath = AppContext.BaseDirectory });
var section = builder.Configuration.GetSection("NexusZero");
var selfTestKey = selfTest ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
using var selfTestClientCertificate = selfTest ? SelfTest.CreateClientCertificate("NexusZero self-test caller") : null;
builder.Services.AddNexusZeroService(options =>
{
    section.Bind(options);
    foreach (var model in options.Models)
    {
        model.OnnxPath = Path.GetFullPath(model.OnnxPath, AppContext.BaseDirectory);
        model.BackgroundCsvPath = model.BackgroundCsvPath is { Length: > 0 } csv ? Path.GetFullPath(csv, AppContext.BaseDirectory) : null;

        // The proving key is state the host writes, so a relative path is under the working directory (as the
        // development certificate is), not the read-only build output.
        if (model.ProvingKeyPath is { Length: > 0 } keyPath)
        {
            model.ProvingKeyPath = Path.GetFullPath(keyPath, Directory.GetCurrentDirectory());
            Directory.CreateDirectory(Path.GetDirectoryName(model.ProvingKeyPath)!);
        }
    }

    if (selfTestKey is not null)
    {
        options.CallerKeyDigests["self-test"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(selfTestKey)));
        options.CallerCertificateHashes["self-test-certificate"] = Convert.ToHexStringLower(SHA256.HashData(selfTestClientCertificate!.RawData));
    }
});

// The receipt cache: in-process and size-bounded by default, Redis (shared by several instances) when configured,
// none on request. Whatever the store, a cached value is re-verified before it is served (docs/security.md).
var cache = builder.Configuration.GetSection("Cache");
void ConfigureCache(NexusZero.Service.Caching.ReceiptCacheOptions options)
{
    options.TimeToLive = TimeSpan.FromSeconds(cache.GetValue("TimeToLiveSeconds", 600));
    options.MemorySizeLimitBytes = cache.GetValue("MemorySizeLimitBytes", 256L * 1024 * 1024);
}

switch (cache["Kind"] ?? "memory")
{
    case "memory":
        builder.Services.AddNexusZeroMemoryReceiptCache(ConfigureCache);
        break;
    case "redis":
        builder.Services.AddReceiptCacheOptions(ConfigureCache);
        builder.Services.AddNexusZeroRedisReceiptCache(redis => redis.Configuration = cache["RedisConfiguration"] ?? redis.Configuration);
        break;
    case "none":
        break;
    default:
        throw new InvalidOperationException($"Cache:Kind must be memory, redis or none, not '{cache["Kind"]}'.");
}

var serviceOptions = new NexusZeroServiceOptions();
section.Bind(serviceOptions);
var askForClientCertificates = serviceOptions.CallerCertificateHashes.Count > 0 || selfTest;
var tls = builder.Configuration.GetSection("Tls");
var useTls = tls.GetValue("Enabled", true);
X509Certificate2? certificate = null;
if (useTls)
{
    var path = tls["CertificatePath"];
    certificate = path is { Length: > 0 }
        ? X509CertificateLoader.LoadPkcs12FromFile(path, tls["CertificatePassword"])
        : DevelopmentCertificate.LoadOrCreate(Path.GetFullPath(tls["DevelopmentCertificateFolder"] ?? ".nexuszero-dev", Directory.GetCurrentDirectory()));
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    // The largest body any endpoint takes; the gateway and gRPC lower it per call (NexusZeroServiceOptions).
    kestrel.Limits.MaxRequestBodySize = serviceOptions.AdminEnabled ? serviceOptions.MaxAdminRequestBytes : serviceOptions.MaxRequestBytes;
    var port = selfTest ? 0 : section.GetValue("Port", 5443);
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen =>
    {
        listen.Protocols = useTls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
        if (certificate is not null)
        {
            listen.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,

                // Callers pinned by certificate hash (NexusZero:CallerCertificateHashes): the handshake asks for a
                // certificate but does not require one (API-key callers send none) and accepts any chain, because the
                // pin, checked per request by the service's authentication, is the trust decision, not a CA.
                ClientCertificateMode = askForClientCertificates
                    ? Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate
                    : Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate,
                ClientCertificateValidation = (_, _, _) => true,
            });
        }
    });
});

var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics =>
    {
        metrics.AddMeter(NexusZeroTelemetry.Name, "NexusZero.Consensus", NexusZero.Service.Telemetry.ServiceTelemetry.Name).AddPrometheusExporter();
        if (otlp is { Length: > 0 })
        {
            metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
        }
    })
    .WithTracing(tracing =>
    {
        tracing.AddSource(NexusZeroTelemetry.Name, NexusZero.Service.Telemetry.ServiceTelemetry.Name).AddAspNetCoreInstrumentation();
        if (otlp is { Length: > 0 })
        {
            tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
        }
    });

var app = builder.Build();
app.UseNexusZeroService();
app.MapNexusZeroService();
app.MapPrometheusScrapingEndpoint("/metrics");

if (!selfTest)
{
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}

await app.StartAsync().ConfigureAwait(false);
try
{
    return await SelfTest.RunAsync(app, selfTestKey!, certificate, selfTestClientCertificate!, Console.Out).ConfigureAwait(false);
}
finally
{
    await app.StopAsync().ConfigureAwait(false);
}
