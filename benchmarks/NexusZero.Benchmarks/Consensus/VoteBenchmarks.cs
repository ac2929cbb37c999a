using BenchmarkDotNet.Attributes;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;

namespace NexusZero.Benchmarks.Consensus;

/// <summary>Signing and verifying one vote: ECDSA P-256 (canonical payload, low-s) and ML-DSA-65.</summary>
[MemoryDiagnoser]
public class VoteBenchmarks
{
    private ConsensusFixture _fixture = null!;
    private Vote _vote = null!;
    private SignedVote _signed = null!;

    [Params("ecdsa-p256-sha256", "ml-dsa-65")]
    public string Scheme { get; set; } = "ecdsa-p256-sha256";

    [GlobalSetup]
    public void Setup()
    {
        SignatureSchemes.TryGetByName(Scheme, out var scheme);
        _fixture = new ConsensusFixture(4, scheme);
        var proposal = new Proposal(_fixture.Set.SetId, ConsensusFixture.Content.ToSubject(), 1, DateTimeOffset.UtcNow.AddHours(1));
        _vote = new Vote(proposal.Digest, "v00", 1, Score.FromDouble(0.8), Verdict.Accept, ["fixed"]);
        _signed = SignedVote.Create(_vote, _fixture.Keys[0], _fixture.Set);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark]
    public SignedVote SignVote() => SignedVote.Create(_vote, _fixture.Keys[0], _fixture.Set);

    [Benchmark]
    public bool VerifyVote() => _signed.Verify(_fixture.Set);
}
