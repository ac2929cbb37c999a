using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Pipeline;

/// <summary>
/// Verifying a Schnorr proof envelope end to end through <see cref="NexuszeroApi"/> (parse, canonical
/// decompression, dispatch, statement decoding, verification, time limit), against the bare proof system's
/// <c>Verify</c> on already-decoded inputs as the baseline.
/// </summary>
[MemoryDiagnoser]
public class PipelineVerifyBenchmarks
{
    private NexuszeroApi _api = null!;
    private byte[] _envelope = null!;
    private byte[] _proof = null!;
    private byte[] _context = null!;
    private DiscreteLogStatement _statement = null!;
    private ParameterSet _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var group = Ristretto255Group.Instance;
        _api = new NexuszeroApi(ProtocolConfig.Default());
        using var secret = group.RandomScalar();
        _statement = new DiscreteLogStatement(group, group.MultiplyBase(secret));
        var result = _api.ProveDiscreteLog(_statement.PublicValue, secret, "benchmark"u8);
        _envelope = result.ToBytes();
        _proof = result.Envelope.Payload.ToArray();
        _context = result.Envelope.Context.ToArray();
        _parameters = SchnorrProofSystem.Instance.SelectDefaultParameters(_statement, 128);
    }

    [Benchmark(Baseline = true)]
    public bool SchnorrVerifyDirect() => SchnorrProofSystem.Instance.Verify(_statement, _proof, _parameters, _context).IsValid;

    [Benchmark]
    public bool ApiVerify() => _api.Verify(_envelope).IsValid;

    [Benchmark]
    public bool ApiVerifyExpectedStatement() => _api.Verify(_envelope, _statement).IsValid;
}
