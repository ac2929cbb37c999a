using System.Globalization;
using NexusZero.Service;
using NexusZero.Service.Protos;
using ServiceLoad;

// Issue #18's load and fault test. Usage (all arguments optional, in this order):
//   dotnet run -c Release --project benchmarks/scripts/service-load -- [seconds] [concurrency] [max requests] [phases]
//     seconds       per phase (default 5); the fault phase runs three segments of this length
//     concurrency   concurrent gRPC clients (default 16)
//     max requests  per phase (default 20000)
//     phases        comma-separated, default memory,direct,redis,fault:
//       memory  the service with the in-process memory store: per level a cold phase (every request a new quantized
//               input, so computed) and a warm one (one input, computed once, then served from the cache)
//       direct  "explanation direct": the explainer library called as the handler calls it (DirectExplainer: same model,
//               method, seed, budget, background, inputs and concurrency) against the service's uncached explanation-level
//               requests, in three alternating pairs of phases; prints service/direct throughput per pair and the median
//       redis   memory's phases with the Redis store, against a redis-server this script starts on a free loopback port
//       fault   FaultPhase: Redis store, four remote NexusZero.ValidatorNode processes, consensus-level load; one
//               validator killed after one segment, redis-server after two; checks every failure is documented and
//               every served receipt verifies offline, and prints "no invalid result served" only then (exit 1 otherwise)
// Everything runs on loopback and is bounded in time and count; every process the script starts is killed before it ends.
var invariant = CultureInfo.InvariantCulture;
var seconds = args.Length > 0 ? double.Parse(args[0], invariant) : 5;
var concurrency = args.Length > 1 ? int.Parse(args[1], invariant) : 16;
var maxRequests = args.Length > 2 ? int.Parse(args[2], invariant) : 20_000;
var phases = (args.Length > 3 ? args[3] : "memory,direct,redis,fault").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
var unknown = phases.Except(["memory", "direct", "redis", "fault"]).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"service-load: unknown phase(s) {string.Join(", ", unknown)} (memory, direct, redis, fault).");
    return 2;
}

var duration = TimeSpan.FromSeconds(seconds);
var data = Path.Combine(AppContext.BaseDirectory, "Data");
var instances = File.ReadLines(Path.Combine(data, "wine-instances.csv")).Skip(1)
    .Select(l => l.Split(',').Select(v => double.Parse(v, invariant)).ToArray()).ToArray();
const int Seed = 7;
var budget = new NexusZeroServiceOptions().ExplainerBudget;

Console.WriteLine($"service-load: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {concurrency} clients, {seconds} s or {maxRequests} requests per phase, phases {string.Join(",", phases)}, Environment.ProcessorCount {Environment.ProcessorCount}, load {Load()}");
Console.WriteLine(LoadPhase.Header);
var passed = true;
using var direct = new DirectExplainer(data, budget);
if (phases.Contains("memory") || phases.Contains("direct"))
{
    await using var service = await ServiceUnderLoad.StartAsync(data);
    if (phases.Contains("memory"))
    {
        await LevelsAsync(service, "memory", Enum.GetValues<Level>());
    }

    if (phases.Contains("direct"))
    {
        await DirectComparisonAsync(service);
    }
}

if (phases.Contains("redis"))
{
    var (redis, configuration) = await RedisProcess.StartAsync();
    await using (redis)
    {
        await using var service = await ServiceUnderLoad.StartAsync(data, configuration);
        await LevelsAsync(service, "redis", Enum.GetValues<Level>());
    }
}

if (phases.Contains("fault"))
{
    Console.WriteLine();
    Console.WriteLine("fault phase: Redis store, 4 remote validators, consensus level");
    passed &= await FaultPhase.RunAsync(data, duration, concurrency, maxRequests, Request, direct.Quantized);
}

Console.WriteLine($"service-load: done {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {Load()}");
return passed ? 0 : 1;

// Cold and warm phases per level.
async Task LevelsAsync(ServiceUnderLoad service, string store, IEnumerable<Level> levels)
{
    // Unmeasured: two seconds of warm load at each level first, so that the measured phases do not run on the JIT's
    // first-tier code (without it the first phases of a process came out 2-4 times slower than the same phases later).
    foreach (var level in levels)
    {
        await LoadPhase.RunAsync(TimeSpan.FromSeconds(2), concurrency, maxRequests, () => Request(level, 0),
            r => service.Inference.VerifyInferenceAsync(r, service.Headers).ResponseAsync);
    }

    foreach (var level in levels)
    {
        // Warm-up: one call per level, so the first measured request does not pay for JIT and pools.
        await service.Inference.VerifyInferenceAsync(Request(level, 1), service.Headers);
        var fresh = 0L;
        var cold = await LoadPhase.RunAsync(duration, concurrency, maxRequests, () => Request(level, 1 + (Interlocked.Increment(ref fresh) % (64 * 64 * 64 - 1))),
            r => service.Inference.VerifyInferenceAsync(r, service.Headers).ResponseAsync);
        LoadPhase.PrintRow(store, level.ToString(), "cold", cold);

        var warm = await LoadPhase.RunAsync(duration, concurrency, maxRequests, () => Request(level, 0),
            r => service.Inference.VerifyInferenceAsync(r, service.Headers).ResponseAsync);
        LoadPhase.PrintRow(store, level.ToString(), "warm", warm);
    }
}

// Uncached explanation-level requests against the explainer called directly: three pairs of phases over the same fresh
// inputs (each pair its own range of counters), the order alternating so that a drift in the machine's load does not
// favour one side; the median of the three throughput ratios is the figure (the machine is shared: one pair is noise).
async Task DirectComparisonAsync(ServiceUnderLoad service)
{
    direct.Explain(Request(Level.Explanation, 1).Input, Seed, CancellationToken.None);
    var ratios = new List<double>();
    for (var pair = 0; pair < 3; pair++)
    {
        var offset = 70_000L * (pair + 1);
        double serviceThroughput = 0, directThroughput = 0;
        for (var side = 0; side < 2; side++)
        {
            var fresh = 0L;
            if ((side == 0) == (pair % 2 == 0))
            {
                var outcomes = await LoadPhase.RunAsync(duration, concurrency, maxRequests, () => Request(Level.Explanation, offset + Interlocked.Increment(ref fresh)),
                    r => service.Inference.VerifyInferenceAsync(r, service.Headers).ResponseAsync);
                serviceThroughput = LoadPhase.PrintRow("explanation service", "Explanation", $"cold, pair {pair + 1}", outcomes);
            }
            else
            {
                var outcomes = await LoadPhase.RunAsync(duration, concurrency, maxRequests, () => Request(Level.Explanation, offset + Interlocked.Increment(ref fresh)),
                    r => Task.Run(() => (object)direct.Explain(r.Input, Seed, CancellationToken.None)));
                directThroughput = LoadPhase.PrintRow("explanation direct", "Explanation", $"none, pair {pair + 1}", outcomes);
            }
        }

        ratios.Add(serviceThroughput / directThroughput);
    }

    var median = ratios.Order().ElementAt(1);
    Console.WriteLine(string.Create(invariant, $"explanation: service / direct throughput = {string.Join(", ", ratios.Select(r => r.ToString("F2", invariant)))}; median {median:F2} (target ≥ 0.80: {(median >= 0.8 ? "met" : "not met")})"));
}

// Inputs by counter: 0 is instance 1 itself (the warm input); a positive counter moves instance 0's first three features
// by its base-64 digits in 0.02 steps (more than the 2^-7 quantization step, so each counter value is its own cache key)
// — the warm-up uses counter 1, which the cold phases then start after; a negative counter does the same to instance 2
// (the fault phase's pool of warm inputs).
VerifyInferenceRequest Request(Level level, long counter)
{
    var request = new VerifyInferenceRequest { ModelId = "wine", Level = level, ExplainerSeed = Seed };
    request.Input.AddRange(counter == 0 ? instances[1] : counter > 0 ? instances[0] : instances[2]);
    var steps = Math.Abs(counter);
    for (var feature = 0; feature < 3 && counter != 0; feature++, steps /= 64)
    {
        request.Input[feature] += (steps % 64 - 32) * 0.02;
    }

    return request;
}

static string Load() => File.ReadAllText("/proc/loadavg").Trim();
