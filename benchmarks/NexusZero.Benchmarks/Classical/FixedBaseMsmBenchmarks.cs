using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// ristretto255 multi-scalar multiplication over the Bulletproofs generators (G₀.., H₀.., half each):
/// the plain MSM (per-call tables), the fixed-base interleaved wNAF over the precomputed width-8 tables,
/// and the fixed-base bucket method over the precomputed window multiples, side by side.
/// </summary>
[MemoryDiagnoser]
public class FixedBaseMsmBenchmarks
{
    private Scalar[] _scalars = [];
    private EdwardsPoint[] _points = [];
    private FixedBaseTable[] _tables = [];

    [Params(128, 256, 512, 1024, 2048)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var half = Size / 2;
        _tables = [.. BulletproofGeneratorTables.G(half), .. BulletproofGeneratorTables.H(half)];
        var group = Ristretto255Group.Instance;
        _points = [.. BulletproofGenerators.G(group, half).ToArray().Concat(BulletproofGenerators.H(group, half).ToArray()).Select(e => ((Ristretto255Element)e).Point)];
        _scalars = [.. Enumerable.Range(0, Size).Select(_ => ((Ristretto255Scalar)group.RandomScalar()).Value)];
    }

    [Benchmark(Baseline = true)]
    public ulong Plain() => RistrettoEncoding.IsIdentity(MultiScalarMultiplication.MultiplyVarTime(_scalars, _points));

    [Benchmark]
    public ulong FixedInterleaved() => RistrettoEncoding.IsIdentity(FixedBaseMsm.Straus(Scalar.Zero, _scalars, _tables, [], []));

    [Benchmark]
    public ulong FixedBuckets() => RistrettoEncoding.IsIdentity(FixedBaseBuckets.Sum(_scalars, _tables, BulletproofGeneratorTables.WindowWidth));
}
