using BenchmarkDotNet.Attributes;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Benchmarks.Lattice;

/// <summary>
/// The ML-DSA-65 operations benchmarks/scripts/compare-mldsa-openssl.sh times against OpenSSL: hedged
/// sign and verify of a 32-byte message with an empty context, key objects reused as OpenSSL's are.
/// </summary>
public class MLDsa65ComparisonBenchmarks
{
    private readonly byte[] _message = new byte[32];
    private MLDsaPrivateKey _key = null!;
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = MLDsaScheme.MLDsa65.GenerateKey(new byte[32]);
        _signature = _key.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] Sign() => _key.Sign(_message);

    [Benchmark]
    public bool Verify() => _key.PublicKey.Verify(_message, _signature);
}
