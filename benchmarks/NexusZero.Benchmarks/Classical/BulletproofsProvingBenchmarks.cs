using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// 64-bit range-proof proving on ristretto255, the prover before the speed-up (baseline) against the
/// current one, side by side in one run. Both start from the same transcript and skip the opening checks.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BulletproofsProvingBenchmarks
{
    private readonly IPrimeOrderGroup _group = Ristretto255Group.Instance;
    private RangeStatement _statement = null!;
    private GroupParameterSet _parameters = null!;
    private ulong[] _values = [];
    private GroupScalar[] _blindings = [];

    [Params(1, 4, 16)]
    public int Values { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parameters = BulletproofsRangeProofSystem.Instance.ParametersFor(_group);
        _values = Enumerable.Range(0, Values).Select(i => (ulong)Random.Shared.NextInt64()).ToArray();
        _blindings = _values.Select(_ => _group.RandomScalar()).ToArray();
        var commitments = _values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(_group, v), _blindings[i])).ToArray();
        _statement = RangeStatement.ForValues(_group, commitments, 64);
        foreach (var proof in new[] { Before(), After() })
        {
            if (!BulletproofsRangeProofSystem.Instance.Verify(_statement, proof, _parameters, []).IsValid)
            {
                throw new InvalidOperationException("A benchmarked prover produced an invalid proof.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] Before()
    {
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, _parameters, _statement, []);
        return LegacyRangeProver.Prove(transcript, 64, _values, _blindings);
    }

    [Benchmark]
    public byte[] After()
    {
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, _parameters, _statement, []);
        return RangeProofProtocol.Prove(transcript, _group, 64, _values, _blindings);
    }
}

/// <summary>The parts of one 64-bit single-value ristretto255 range proof (N = 64), to see where proving time goes.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class BulletproofsProverPartsBenchmarks
{
    private const int N = 64;
    private readonly IPrimeOrderGroup _group = Ristretto255Group.Instance;
    private GroupScalar[] _left = [];
    private GroupScalar[] _right = [];
    private GroupScalar[] _hFactors = [];
    private ulong[] _bits = [];

    [GlobalSetup]
    public void Setup()
    {
        _left = Enumerable.Range(0, N).Select(_ => _group.RandomScalar()).ToArray();
        _right = Enumerable.Range(0, N).Select(_ => _group.RandomScalar()).ToArray();
        _hFactors = Enumerable.Range(0, N).Select(_ => _group.RandomScalar()).ToArray();
        _bits = Enumerable.Range(0, N).Select(i => (ulong)(i % 3 == 0 ? 1 : 0)).ToArray();
    }

    /// <summary>A = α·H + Σ (bit ? Gᵢ : −Hᵢ), constant time.</summary>
    [Benchmark]
    public GroupElement CommitBits() => RangeProofCommitments.Bits(_group, _left[0], _bits);

    /// <summary>S = ρ·H + ⟨s_L, G⟩ + ⟨s_R, H⟩, constant time over 129 terms.</summary>
    [Benchmark]
    public GroupElement CommitVectors() => RangeProofCommitments.Vectors(_group, _left[0], _left, _right);

    /// <summary>T = t·B + τ·H, constant time.</summary>
    [Benchmark]
    public GroupElement CommitPolynomial() => RangeProofCommitments.Blinded(_group, _left[0], _left[1]);

    /// <summary>The six inner-product rounds.</summary>
    [Benchmark]
    public GroupScalar InnerProduct()
    {
        using var transcript = new Transcripts.Transcript("bench"u8);
        return InnerProductArgument.Prove(transcript, _group, _left[0], _hFactors, [.. _left], [.. _right]).A;
    }
}
