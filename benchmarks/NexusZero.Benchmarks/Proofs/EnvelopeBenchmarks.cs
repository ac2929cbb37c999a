using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Proofs;

/// <summary>Encoding and strict parsing of a Schnorr/ristretto255 proof envelope (168 bytes).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class EnvelopeBenchmarks
{
    private ProofEnvelope _envelope = null!;
    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var group = Ristretto255Group.Instance;
        using var x = group.RandomScalar();
        var statement = new DiscreteLogStatement(group, group.MultiplyBase(x));
        using var witness = new DiscreteLogWitness(x);
        var parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        var context = "benchmark context"u8.ToArray();
        var proof = SchnorrProofSystem.Instance.Prove(statement, witness, parameters, context);
        _envelope = new ProofEnvelope(ProofSystemId.SchnorrDiscreteLog, parameters.Id, statement.ToCanonicalBytes(), context, proof);
        _bytes = _envelope.ToBytes();
    }

    [Benchmark]
    public byte[] Encode() => _envelope.ToBytes();

    [Benchmark]
    public ProofEnvelope Parse() => ProofEnvelope.Parse(_bytes);
}
