using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace ServiceLoad;

/// <summary>What one request of a phase ended with: its latency, its status and (for a successful one) the call's
/// request and response, kept only when the phase asks for them (the fault phase checks every receipt afterwards).</summary>
internal sealed record Outcome<TRequest, TResponse>(double Milliseconds, StatusCode Status, TRequest Request, TResponse? Response, int Segment);

/// <summary>
/// Runs <c>concurrency</c> workers that issue calls until the phase's time or request budget is spent, and prints a
/// table row with throughput and latency percentiles. Every call ends in a status (OK or the RpcException's code).
/// </summary>
internal static class LoadPhase
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<IReadOnlyList<Outcome<TRequest, TResponse>>> RunAsync<TRequest, TResponse>(
        TimeSpan duration,
        int concurrency,
        int maxRequests,
        Func<TRequest> next,
        Func<TRequest, Task<TResponse>> call,
        bool keepResponses = false,
        Func<TimeSpan, int>? segmentOf = null)
        where TResponse : class
    {
        var outcomes = new ConcurrentBag<Outcome<TRequest, TResponse>>();
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var request = next();
                var segment = segmentOf?.Invoke(clock.Elapsed) ?? 0;
                var started = Stopwatch.GetTimestamp();
                TResponse? response = null;
                var status = StatusCode.OK;
                try
                {
                    response = await call(request).ConfigureAwait(false);
                }
                catch (RpcException ex)
                {
                    status = ex.StatusCode;
                }

                outcomes.Add(new Outcome<TRequest, TResponse>(Stopwatch.GetElapsedTime(started).TotalMilliseconds, status, request, keepResponses ? response : null, segment));
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        Elapsed = clock.Elapsed;
        return [.. outcomes];
    }

    /// <summary>The wall time of the last phase run (until its last call returned).</summary>
    public static TimeSpan Elapsed { get; private set; }

    public const string Header = "| phase | level | cache | requests | errors | throughput | p50 | p95 | p99 | max |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /// <summary>Prints a row for the successful calls (latency over them, throughput = successes / wall time).</summary>
    public static double PrintRow<TRequest, TResponse>(string phase, string level, string cache, IReadOnlyList<Outcome<TRequest, TResponse>> outcomes)
    {
        var sorted = outcomes.Where(o => o.Status == StatusCode.OK).Select(o => o.Milliseconds).Order().ToArray();
        var errors = outcomes.Count - sorted.Length;
        var throughput = sorted.Length / Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(Invariant, $"| {phase} | {level} | {cache} | {sorted.Length:N0} | {errors} | {throughput:N0}/s | {Percentile(sorted, 0.50):F1} ms | {Percentile(sorted, 0.95):F1} ms | {Percentile(sorted, 0.99):F1} ms | {sorted.LastOrDefault():F1} ms |"));
        return throughput;
    }

    public static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
}
