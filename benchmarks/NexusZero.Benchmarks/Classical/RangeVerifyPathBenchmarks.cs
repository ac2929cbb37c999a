using BenchmarkDotNet.Attributes;
using NexusZero.Proofs.RangeProofs;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// One 64-bit range proof on ristretto255 for m = 1, 4, 16 values: the verifier before (generic path)
/// and after (fixed-base tables) side by side in one run.
/// </summary>
[MemoryDiagnoser]
public class RangeVerifyPathBenchmarks
{
    private (RangeStatement Statement, byte[] Proof)[] _item = [];

    [Params(1, 4, 16)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _item = [RangeVerifyPaths.Make(Values)];

        // Builds the generator tables outside the measurement, as a long-running verifier would.
        if (!FixedBasePath() || !GenericPath())
        {
            throw new InvalidOperationException("The benchmark proof does not verify.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool GenericPath() => RangeVerifyPaths.Verify(_item, generic: true);

    [Benchmark]
    public bool FixedBasePath() => RangeVerifyPaths.Verify(_item, generic: false);
}
