using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>
/// The ristretto255 fixed-base verifier against the generic verifier (GroupScalar arithmetic, one
/// plain MSM over shared bases) on the same proofs: same verdict and same error for honest, tampered
/// and malformed proofs, single and batched, on both the interleaved and the bucket MSM paths.
/// </summary>
public sealed class RangeVerifierPathTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;
    private static readonly BulletproofsRangeProofSystem System = BulletproofsRangeProofSystem.Instance;

    private static (string? Error, bool Holds) Run(IReadOnlyList<(RangeStatement Statement, byte[] Proof)> items, bool generic)
    {
        var parameters = System.ParametersFor(Group);
        var bigN = items.Max(item => item.Statement.Bits * item.Statement.AggregatedCount);
        var msm = generic
            ? new MsmAccumulator(Group, [Group.Generator, PedersenGenerators.BlindingBase(Group), .. BulletproofGenerators.G(Group, bigN), .. BulletproofGenerators.H(Group, bigN)])
            : RangeProofProtocol.NewAccumulator(Group, bigN);
        Assert.Equal(generic, msm.FixedTerms is null);
        for (var i = 0; i < items.Count; i++)
        {
            using var transcript = ProofTranscript.Begin(System.Id, parameters, items[i].Statement, [(byte)i]);
            var error = RangeProofProtocol.TryAccumulate(transcript, Group, items[i].Statement.Bits, items[i].Statement.ProvenCommitments(), items[i].Proof, msm, bigN);
            if (error is not null)
            {
                return (error, false);
            }
        }

        return (null, msm.IsIdentity());
    }

    private static (RangeStatement, byte[]) Make(int bits, int m, int seed, byte context)
    {
        var (statement, witness) = RangeProofTestData.Values(Group, bits, RangeProofTestData.RandomValues(new Random(seed), bits, m));
        using (witness)
        {
            return (statement, System.Prove(statement, witness, System.ParametersFor(Group), [context]));
        }
    }

    private static void AssertSameVerdict(IReadOnlyList<(RangeStatement Statement, byte[] Proof)> items, bool expectValid)
    {
        var generic = Run(items, generic: true);
        var fixedBase = Run(items, generic: false);
        Assert.Equal(generic.Error, fixedBase.Error);
        Assert.Equal(generic.Holds, fixedBase.Holds);
        Assert.Equal(expectValid, fixedBase.Error is null && fixedBase.Holds);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(64, 1)]
    [InlineData(32, 2)]
    [InlineData(64, 8)]
    [InlineData(64, 16)]
    public void Honest_and_tampered_proofs_get_the_same_verdict_on_both_paths(int bits, int m)
    {
        var (statement, proof) = Make(bits, m, (bits * 31) + m, 0);
        AssertSameVerdict([(statement, proof)], expectValid: true);

        // Every point, every scalar and a byte inside each: all rejected, with the same reason.
        var step = Math.Max(1, proof.Length / 97);
        for (var i = 0; i < proof.Length; i += step)
        {
            var tampered = (byte[])proof.Clone();
            tampered[i] ^= (byte)(1 << (i % 8));
            AssertSameVerdict([(statement, tampered)], expectValid: false);
        }
    }

    [Fact]
    public void A_proof_against_another_statement_is_rejected_on_both_paths()
    {
        var (statement, proof) = Make(64, 2, 5, 0);
        var (other, _) = Make(64, 2, 6, 0);
        AssertSameVerdict([(other, proof)], expectValid: false);
        AssertSameVerdict([(statement, proof)], expectValid: true);
    }

    [Fact]
    public void Mixed_batches_agree_on_both_paths_and_one_bad_proof_fails_them()
    {
        // N up to 512: 1 + 2·512 fixed points, so the batch takes the bucket path.
        var items = new List<(RangeStatement Statement, byte[] Proof)>
        {
            Make(64, 1, 1, 0),
            Make(8, 2, 2, 1),
            Make(64, 8, 3, 2),
            Make(16, 4, 4, 3),
        };
        AssertSameVerdict(items, expectValid: true);

        foreach (var index in new[] { 0, 2 })
        {
            var bad = items.ToList();
            var proof = (byte[])bad[index].Proof.Clone();
            proof[(4 * 32) + 5] ^= 1;
            bad[index] = (bad[index].Statement, proof);
            AssertSameVerdict(bad, expectValid: false);
        }

        var swapped = items.ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        AssertSameVerdict(swapped, expectValid: false);
    }
}
