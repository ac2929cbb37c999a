using NexusZero.Groups;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

internal static class RangeProofTestData
{
    public static (RangeStatement Statement, RangeWitness Witness) Values(IPrimeOrderGroup group, int bits, ulong[] values)
    {
        var blindings = values.Select(_ => group.RandomScalar()).ToArray();
        var commitments = values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, v), blindings[i])).ToArray();
        return (RangeStatement.ForValues(group, commitments, bits), new RangeWitness(values, blindings));
    }

    public static ulong[] RandomValues(Random random, int bits, int count) =>
        Enumerable.Range(0, count).Select(i => i switch
        {
            0 => 0UL,
            1 => bits == 64 ? ulong.MaxValue : (1UL << bits) - 1,
            _ => (ulong)random.NextInt64() & (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1),
        }).ToArray();
}
