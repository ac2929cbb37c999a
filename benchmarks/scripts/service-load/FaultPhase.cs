using System.Security.Cryptography;
using Grpc.Core;
using NexusZero;
using NexusZero.Pipeline;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Proofs.Groth16;
using NexusZero.Service.Protos;

namespace ServiceLoad;

/// <summary>
/// The fault test of issue #18: the service with the Redis store and four remote validator nodes, under consensus-level
/// load (half the requests from a pool of four warm inputs, half fresh inputs that need a round), in three equal
/// segments: all up; one validator killed (SIGKILL) at the start of the second; redis-server killed at the start of the
/// third. Afterwards every outcome is checked: a failure must be one the service documents for this call
/// (docs/service.md: a consensus round that failed, Unavailable, or was rejected, FailedPrecondition), and every
/// success must carry a receipt that verifies offline (InferenceReceiptVerifier: the model's verifying key from
/// ListModels, the validator-set file's set, the model's commitment) and is about exactly the request's quantized input.
/// </summary>
internal static class FaultPhase
{
    /// <summary>The statuses docs/service.md gives for a VerifyInference call whose consensus round fails or is rejected.</summary>
    private static readonly StatusCode[] Documented = [StatusCode.Unavailable, StatusCode.FailedPrecondition];

    private static readonly string[] SegmentNames = ["all up", "1 of 4 validators killed", "validator and Redis killed"];

    /// <returns>True when no undocumented failure and no invalid result was seen.</returns>
    public static async Task<bool> RunAsync(string data, TimeSpan segment, int concurrency, int maxRequests, Func<Level, long, VerifyInferenceRequest> request, QuantizedModel quantized)
    {
        var (redis, redisConfiguration) = await RedisProcess.StartAsync();
        await using var redisProcess = redis;
        await using var nodes = await ValidatorNodes.StartAsync(4, minEfficiency: 0.99);
        await using var service = await ServiceUnderLoad.StartAsync(data, redisConfiguration, nodes.SetPath);
        var info = (await service.Admin.ListModelsAsync(new ListModelsRequest(), service.AdminHeaders)).Models.Single(m => m.ModelId == "wine");
        var verifyingKey = SnarkjsJson.ReadVerifyingKey(info.VerifyingKeyJson);

        // Warm the pool (and the JIT) before the clock starts.
        var pool = new long[] { 0, 1, 2, 3 };
        foreach (var counter in pool)
        {
            await service.Inference.VerifyInferenceAsync(request(Level.Consensus, -1 - counter), service.Headers);
        }

        var issued = 0L;
        var fresh = 0L;

        // A request belongs to the segment in force when it started: the segment moves on once a kill has completed,
        // so a request counted after a fault was issued after the process was gone.
        var current = new int[1];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var faults = Task.Run(async () =>
        {
            await Task.Delay(segment);
            await nodes.Nodes[3].KillAsync();
            Volatile.Write(ref current[0], 1);
            Console.WriteLine($"fault: {nodes.Nodes[3].Name} killed at {clock.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(segment);
            await redis.KillAsync();
            Volatile.Write(ref current[0], 2);
            Console.WriteLine($"fault: redis-server killed at {clock.Elapsed.TotalSeconds:F1} s");
        });
        var outcomes = await LoadPhase.RunAsync(
            3 * segment,
            concurrency,
            maxRequests,
            () => Interlocked.Increment(ref issued) % 2 == 0
                ? request(Level.Consensus, -1 - pool[issued / 2 % pool.Length])
                : request(Level.Consensus, 1 + Interlocked.Increment(ref fresh)),
            r => service.Inference.VerifyInferenceAsync(r, service.Headers).ResponseAsync,
            keepResponses: true,
            segmentOf: _ => Volatile.Read(ref current[0]));
        await faults;

        Console.WriteLine();
        Console.WriteLine("| segment | requests | OK | HIT | MISS | REJECTED | SHARED | failures by status | p50 | p99 |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        for (var s = 0; s < 3; s++)
        {
            var mine = outcomes.Where(o => o.Segment == s).ToArray();
            var ok = mine.Where(o => o.Status == StatusCode.OK).ToArray();
            var failures = string.Join(", ", mine.Where(o => o.Status != StatusCode.OK).GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            int Count(CacheStatus c) => ok.Count(o => o.Response!.Cache == c);
            var sorted = ok.Select(o => o.Milliseconds).Order().ToArray();
            Console.WriteLine($"| {SegmentNames[s]} | {mine.Length} | {ok.Length} | {Count(CacheStatus.Hit)} | {Count(CacheStatus.Miss)} | {Count(CacheStatus.Rejected)} | {Count(CacheStatus.Shared)} | {(failures.Length == 0 ? "none" : failures)} | {LoadPhase.Percentile(sorted, 0.5):F0} ms | {LoadPhase.Percentile(sorted, 0.99):F0} ms |");
        }

        var undocumented = outcomes.Where(o => o.Status != StatusCode.OK && !Documented.Contains(o.Status)).ToArray();
        foreach (var group in undocumented.GroupBy(o => o.Status))
        {
            Console.WriteLine($"UNDOCUMENTED failure: {group.Key} ×{group.Count()}");
        }

        var invalid = CheckReceipts(outcomes.Where(o => o.Status == StatusCode.OK).ToArray(), verifyingKey, nodes, info, quantized, out var distinct);
        var successes = outcomes.Count(o => o.Status == StatusCode.OK);
        Console.WriteLine($"checked {successes} successful responses ({distinct} distinct receipts, each verified offline): {invalid} invalid");
        Console.WriteLine($"failures: {outcomes.Count - successes}, all documented ({string.Join(" / ", Documented)}): {(undocumented.Length == 0 ? "yes" : "NO")}");
        var passed = undocumented.Length == 0 && invalid == 0 && successes > 0;
        if (passed)
        {
            Console.WriteLine("no invalid result served");
        }

        return passed;
    }

    private static int CheckReceipts(
        Outcome<VerifyInferenceRequest, VerifyInferenceResponse>[] successes,
        Groth16VerifyingKey verifyingKey,
        ValidatorNodes nodes,
        ModelInfo info,
        QuantizedModel quantized,
        out int distinct)
    {
        // The service's own security level: it serves BN254 Groth16 (100 bits, docs/security.md), which the library's
        // default 128-bit level refuses.
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var invalid = 0;
        foreach (var outcome in successes)
        {
            var response = outcome.Response!;
            var bytes = response.Receipt.ToByteArray();
            var digest = Convert.ToBase64String(SHA256.HashData(bytes));
            if (!verdicts.TryGetValue(digest, out var valid))
            {
                var verdict = InferenceReceiptVerifier.Verify(bytes, verifyingKey, nodes.Set, info.ModelCommitment.Span, api);
                valid = verdict.IsValid;
                verdicts[digest] = valid;
                if (!valid && verdicts.Values.Count(v => !v) <= 5)
                {
                    Console.WriteLine($"INVALID receipt served: {verdict}");
                }
            }

            // The receipt must also be about this request: its subject is the response's and names the request's input.
            var expected = quantized.QuantizeInput([.. outcome.Request.Input]);
            var subjectMatches = valid
                && response.Level == Level.Consensus
                && InferenceReceipt.Parse(bytes) is { } receipt
                && receipt.Subject.ToBytes().AsSpan().SequenceEqual(response.Subject.Span)
                && receipt.Subject.Claim.Input.SequenceEqual(expected);
            if (!subjectMatches)
            {
                invalid++;
                if (valid)
                {
                    Console.WriteLine("INVALID: a receipt that verifies but is not about the request's input was served");
                }
            }
        }

        distinct = verdicts.Count;
        return invalid;
    }
}
