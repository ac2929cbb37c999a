using BenchmarkDotNet.Attributes;
using NexusZero.Consensus;
using NexusZero.Consensus.Certificates;

namespace NexusZero.Benchmarks.Consensus;

/// <summary>Offline certificate verification: every vote and commit signature, thresholds and the median.</summary>
[MemoryDiagnoser]
public class CertificateBenchmarks
{
    private ConsensusFixture _fixture = null!;
    private QuorumCertificate _certificate = null!;
    private byte[] _bytes = null!;

    [Params(7, 31)]
    public int Validators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new ConsensusFixture(Validators);
        var client = new InProcessConsensusClient(_fixture.Set, _fixture.Validators);
        _certificate = client.ProposeAsync(ConsensusFixture.Content).GetAwaiter().GetResult().Certificate
            ?? throw new InvalidOperationException("The setup round did not finalize.");
        _bytes = _certificate.ToBytes();
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark]
    public bool VerifyCertificate() => CertificateVerifier.Verify(_certificate, _fixture.Set).IsValid;

    [Benchmark]
    public bool ParseAndVerifyCertificate() => CertificateVerifier.Verify(QuorumCertificate.Parse(_bytes), _fixture.Set).IsValid;
}
