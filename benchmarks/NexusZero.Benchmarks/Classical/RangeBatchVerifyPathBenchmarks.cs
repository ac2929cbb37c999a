using BenchmarkDotNet.Attributes;
using NexusZero.Proofs.RangeProofs;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// A batch of 16 single-value 64-bit range proofs on ristretto255: the batch verifier before (generic
/// path) and after (fixed-base tables) side by side in one run.
/// </summary>
[MemoryDiagnoser]
public class RangeBatchVerifyPathBenchmarks
{
    private (RangeStatement Statement, byte[] Proof)[] _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _items = [.. Enumerable.Range(0, 16).Select(_ => RangeVerifyPaths.Make(1))];
        if (!FixedBaseBatch16() || !GenericBatch16())
        {
            throw new InvalidOperationException("A benchmark proof does not verify.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool GenericBatch16() => RangeVerifyPaths.Verify(_items, generic: true);

    [Benchmark]
    public bool FixedBaseBatch16() => RangeVerifyPaths.Verify(_items, generic: false);
}
