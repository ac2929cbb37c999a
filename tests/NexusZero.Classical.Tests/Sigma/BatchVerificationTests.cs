using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

public sealed class BatchVerificationTests
{
    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Schnorr_batch_accepts_valid_proofs_and_rejects_one_bad(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var schnorr = SchnorrProofSystem.Instance;
        var parameters = schnorr.ParametersFor(group);
        var items = new List<SigmaBatchItem>();
        for (var i = 0; i < 12; i++)
        {
            var x = group.RandomScalar();
            // Mix the standard generator with a custom one.
            var generator = i % 3 == 0 ? group.MultiplyBase(group.RandomScalar()) : group.Generator;
            var statement = new DiscreteLogStatement(group, generator, x * generator);
            using var witness = new DiscreteLogWitness(x);
            var context = new[] { (byte)i };
            items.Add(new SigmaBatchItem(statement, schnorr.Prove(statement, witness, parameters, context), context));
        }

        Assert.True(SchnorrBatchVerifier.Verify(items, parameters).IsValid);
        Assert.True(SchnorrBatchVerifier.Verify([], parameters).IsValid);

        for (var bad = 0; bad < items.Count; bad += 5)
        {
            var tampered = items.ToList();
            var proof = tampered[bad].Proof.ToArray();
            proof[^1] ^= 1;
            tampered[bad] = tampered[bad] with { Proof = proof };
            var result = SchnorrBatchVerifier.Verify(tampered, parameters);
            Assert.False(result.IsValid);
            Assert.StartsWith($"Item {bad}:", result.Reason);

            var wrongContext = items.ToList();
            wrongContext[bad] = wrongContext[bad] with { Context = new byte[] { 0xEE } };
            Assert.False(SchnorrBatchVerifier.Verify(wrongContext, parameters).IsValid);
        }
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Sigma_batch_accepts_valid_proofs_and_rejects_one_bad(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var system = PedersenOpeningProofSystem.Instance;
        var parameters = system.ParametersFor(group);
        var items = new List<SigmaBatchItem>();
        for (var i = 0; i < 8; i++)
        {
            var v = group.RandomScalar();
            var r = group.RandomScalar();
            var statement = new PedersenOpeningStatement(group, PedersenGenerators.Commit(v, r));
            using var witness = new PedersenOpeningWitness(v, r);
            items.Add(new SigmaBatchItem(statement, system.Prove(statement, witness, parameters, []), ReadOnlyMemory<byte>.Empty));
        }

        Assert.True(system.VerifyBatch(items, parameters).IsValid);

        // A proof for another statement swapped in.
        var swapped = items.ToList();
        swapped[3] = swapped[3] with { Proof = items[4].Proof };
        var result = system.VerifyBatch(swapped, parameters);
        Assert.False(result.IsValid);
        Assert.StartsWith("Item 3:", result.Reason);

        var malformed = items.ToList();
        malformed[6] = malformed[6] with { Proof = new byte[5] };
        Assert.Equal(VerificationFailure.MalformedProof, system.VerifyBatch(malformed, parameters).Failure);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Dleq_batch_rejects_a_proof_for_a_cheating_statement(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var system = DiscreteLogEqualityProofSystem.Instance;
        var parameters = system.ParametersFor(group);
        var items = new List<SigmaBatchItem>();
        for (var i = 0; i < 5; i++)
        {
            var x = group.RandomScalar();
            var h = group.MultiplyBase(group.RandomScalar());
            var statement = new DiscreteLogEqualityStatement(group, group.Generator, h, group.MultiplyBase(x), x * h);
            using var witness = new DiscreteLogEqualityWitness(x);
            items.Add(new SigmaBatchItem(statement, system.Prove(statement, witness, parameters, []), ReadOnlyMemory<byte>.Empty));
        }

        Assert.True(system.VerifyBatch(items, parameters).IsValid);
        var first = (DiscreteLogEqualityStatement)items[0].Statement;
        var cheating = new DiscreteLogEqualityStatement(group, first.GeneratorG, first.GeneratorH, first.PublicX, first.PublicY + group.Generator);
        var bad = items.ToList();
        bad[0] = bad[0] with { Statement = cheating };
        Assert.False(system.VerifyBatch(bad, parameters).IsValid);
    }
}
