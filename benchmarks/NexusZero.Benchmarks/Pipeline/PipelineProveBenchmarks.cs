using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Pipeline;

/// <summary>
/// Proving a Schnorr statement end to end through <see cref="NexuszeroApi"/> (Fast; Default, which also
/// verifies after generation; and a Fast prove followed by a verify), against the bare proof system as the
/// baseline, so the ratio is the pipeline's overhead.
/// </summary>
[MemoryDiagnoser]
public class PipelineProveBenchmarks
{
    private static readonly byte[] Context = [.. "benchmark"u8];
    private readonly IPrimeOrderGroup _group = Ristretto255Group.Instance;
    private NexuszeroApi _fast = null!;
    private NexuszeroApi _default = null!;
    private GroupScalar _secret = null!;
    private GroupElement _publicValue = null!;
    private DiscreteLogStatement _statement = null!;
    private DiscreteLogWitness _witness = null!;
    private ParameterSet _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fast = new NexuszeroApi(ProtocolConfig.Fast());
        _default = new NexuszeroApi(ProtocolConfig.Default());
        _secret = _group.RandomScalar();
        _publicValue = _group.MultiplyBase(_secret);
        _statement = new DiscreteLogStatement(_group, _publicValue);
        _witness = new DiscreteLogWitness(_secret);
        _parameters = SchnorrProofSystem.Instance.SelectDefaultParameters(_statement, 128);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _witness.Dispose();
        _secret.Dispose();
    }

    [Benchmark(Baseline = true)]
    public byte[] SchnorrProveDirect() => SchnorrProofSystem.Instance.Prove(_statement, _witness, _parameters, Context);

    [Benchmark]
    public byte[] ApiProveFast() => _fast.ProveDiscreteLog(_publicValue, _secret, Context).ToBytes();

    [Benchmark]
    public byte[] ApiProveDefault() => _default.ProveDiscreteLog(_publicValue, _secret, Context).ToBytes();

    [Benchmark]
    public bool ApiProveThenVerify() => _fast.Verify(_fast.ProveDiscreteLog(_publicValue, _secret, Context).ToBytes(), _statement).IsValid;
}
