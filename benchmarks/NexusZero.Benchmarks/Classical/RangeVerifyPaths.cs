using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Proofs;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// Runs the range-proof verifier on ristretto255 down either path: the generic one (GroupScalar
/// arithmetic, one MSM over shared bases without precomputed tables: the verifier as it was before the
/// fixed-base tables) or the fixed-base one the system now uses.
/// </summary>
internal static class RangeVerifyPaths
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    public static GroupParameterSet Parameters => BulletproofsRangeProofSystem.Instance.ParametersFor(Group);

    public static bool Verify(IReadOnlyList<(RangeStatement Statement, byte[] Proof)> items, bool generic)
    {
        var parameters = Parameters;
        var bigN = items.Max(item => item.Statement.Bits * item.Statement.AggregatedCount);
        var msm = generic
            ? new MsmAccumulator(Group, [Group.Generator, PedersenGenerators.BlindingBase(Group), .. BulletproofGenerators.G(Group, bigN), .. BulletproofGenerators.H(Group, bigN)])
            : RangeProofProtocol.NewAccumulator(Group, bigN);
        foreach (var (statement, proof) in items)
        {
            using var transcript = ProofTranscript.Begin(BulletproofsRangeProofSystem.Instance.Id, parameters, statement, []);
            if (RangeProofProtocol.TryAccumulate(transcript, Group, statement.Bits, statement.ProvenCommitments(), proof, msm, bigN) is not null)
            {
                return false;
            }
        }

        return msm.IsIdentity();
    }

    /// <summary>A 64-bit proof for m random values.</summary>
    public static (RangeStatement Statement, byte[] Proof) Make(int m)
    {
        var values = Enumerable.Range(0, m).Select(_ => (ulong)Random.Shared.NextInt64()).ToArray();
        var blindings = values.Select(_ => Group.RandomScalar()).ToArray();
        var commitments = values.Select((v, i) => PedersenGenerators.Commit(v, blindings[i])).ToArray();
        var statement = RangeStatement.ForValues(Group, commitments, 64);
        using var witness = new RangeWitness(values, blindings);
        return (statement, BulletproofsRangeProofSystem.Instance.Prove(statement, witness, Parameters, []));
    }
}
