using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NexusZero.Service;
using NexusZero.Service.Caching;
using NexusZero.Service.Hosting;
using NexusZero.Service.Protos;

// Drives the verifiable-inference service on loopback (HTTP/2 without TLS, so the figures are the service's, not the
// handshake's) with concurrent gRPC clients, for each level with a cold cache (every request a new input: computed)
// and a warm one (one input, computed once, then served from the in-process cache after re-verification). Bounded in
// time and count. The rate limit is raised out of the way; everything else is the service's default.
var invariant = CultureInfo.InvariantCulture;
var seconds = args.Length > 0 ? double.Parse(args[0], invariant) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], invariant) : 16;
var maxRequests = args.Length > 2 ? int.Parse(args[2], invariant) : 20_000;
var data = Path.Combine(AppContext.BaseDirectory, "Data");
var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddNexusZeroMemoryReceiptCache();
builder.Services.AddNexusZeroService(o =>
{
    o.Models.Add(new ModelSource { Id = "wine", OnnxPath = Path.Combine(data, "wine-mlp.onnx"), BackgroundCsvPath = Path.Combine(data, "wine-background.csv") });
    o.CallerKeyDigests["load"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    o.RateLimitPermits = 1_000_000;
});
var app = builder.Build();
app.UseNexusZeroService();
app.MapNexusZeroService();
await app.StartAsync();
var address = app.Urls.First();

var instances = File.ReadLines(Path.Combine(data, "wine-instances.csv")).Skip(1)
    .Select(l => l.Split(',').Select(v => double.Parse(v, invariant)).ToArray()).ToArray();
using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
});
var client = new VerifiableInference.VerifiableInferenceClient(channel);
var headers = new Metadata { { "x-api-key", key } };

Console.WriteLine($"service-load: {address}, {concurrency} clients, {seconds} s or {maxRequests} requests per phase, Environment.ProcessorCount {Environment.ProcessorCount}, load {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("| level | cache | requests | errors | throughput | p50 | p95 | p99 | max |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var level in new[] { Level.OutputOnly, Level.Explanation, Level.Proof, Level.Consensus })
{
    // Warm-up: one call per level, so the first measured request does not pay for JIT and pools.
    await client.VerifyInferenceAsync(Request(level, instances[0], 0), headers);
    var fresh = 0L;
    await Phase(level, "cold", () => Request(level, instances[0], 1 + (Interlocked.Increment(ref fresh) % (64 * 64 * 64 - 1))));
    await Phase(level, "warm", () => Request(level, instances[1], 0));
}

await app.StopAsync();
return 0;

// A new quantized input per counter value: its base-64 digits move the first three features by 0.02 steps (more than
// the 2^-7 quantization step, so each counter value is its own cache key); counter 0 is the instance itself.
VerifyInferenceRequest Request(Level level, double[] instance, long counter)
{
    var request = new VerifyInferenceRequest { ModelId = "wine", Level = level, ExplainerSeed = 7 };
    request.Input.AddRange(instance);
    for (var feature = 0; feature < 3; feature++, counter /= 64)
    {
        request.Input[feature] += (counter % 64 - 32) * 0.02;
    }

    return request;
}

async Task Phase(Level level, string cache, Func<VerifyInferenceRequest> next)
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var errors = 0;
    var issued = 0;
    var clock = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (clock.Elapsed < deadline && Interlocked.Increment(ref issued) <= maxRequests)
        {
            var request = next();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.VerifyInferenceAsync(request, headers);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }).ToArray();
    await Task.WhenAll(workers);
    var elapsed = clock.Elapsed.TotalSeconds;
    var sorted = latencies.OrderBy(x => x).ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine(string.Create(invariant, $"| {level} | {cache} | {sorted.Length:N0} | {errors} | {sorted.Length / elapsed:N0}/s | {P(0.50):F1} ms | {P(0.95):F1} ms | {P(0.99):F1} ms | {sorted.LastOrDefault():F1} ms |"));
}
