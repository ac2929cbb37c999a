using BenchmarkDotNet.Attributes;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Benchmarks.Lattice;

/// <summary>ML-DSA key generation, hedged signing and verification of a 32-byte message.</summary>
[MemoryDiagnoser]
public class MLDsaBenchmarks
{
    private readonly byte[] _seed = new byte[32];
    private readonly byte[] _message = new byte[32];
    private MLDsaScheme _scheme = MLDsaScheme.MLDsa44;
    private MLDsaPrivateKey _key = null!;
    private byte[] _signature = [];

    [Params("ML-DSA-44", "ML-DSA-65", "ML-DSA-87")]
    public string Scheme { get; set; } = "ML-DSA-44";

    [GlobalSetup]
    public void Setup()
    {
        _scheme = MLDsaScheme.TryFromName(Scheme, out MLDsaScheme? scheme) ? scheme : throw new ArgumentException(Scheme);
        _key = _scheme.GenerateKey(_seed);
        _signature = _key.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public int KeyGen()
    {
        using MLDsaPrivateKey key = _scheme.GenerateKey(_seed);
        return key.PublicKey.Encoded[0];
    }

    [Benchmark]
    public byte[] Sign() => _key.Sign(_message);

    [Benchmark]
    public bool Verify() => _key.PublicKey.Verify(_message, _signature);
}
