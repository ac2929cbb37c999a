using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

/// <summary>
/// Schnorr batch verification at sizes around the batch decoder's lane count and the benchmark's 64:
/// every valid batch passes, and one bad proof anywhere (tampered R, tampered s, another context,
/// another statement) makes the batch fail and is named.
/// </summary>
public sealed class SchnorrBatchSizesTests
{
    public static TheoryData<string, int> GroupsAndSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var group in TestGroups.All)
        {
            foreach (var size in new[] { 1, 2, 3, 64, 65 })
            {
                data.Add(group.Name, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GroupsAndSizes))]
    public void Accepts_valid_batches_and_rejects_every_kind_of_single_bad_proof(string groupName, int size)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        var items = ValidItems(group, parameters, size);
        Assert.True(SchnorrBatchVerifier.Verify(items, parameters).IsValid);
        Assert.True(SchnorrBatchVerifier.Verify(items, parameters, groupPath: false).IsValid);

        // The first, a middle and the last item, so every position of the decoder's lanes gets a turn.
        foreach (var bad in new[] { 0, size / 2, size - 1 }.Distinct())
        {
            AssertRejected(items, parameters, bad, items[bad] with { Proof = Flip(items[bad].Proof, 0) }, null);
            AssertRejected(items, parameters, bad, items[bad] with { Proof = Flip(items[bad].Proof, group.ElementLength) }, VerificationFailure.EquationFailed);
            AssertRejected(items, parameters, bad, items[bad] with { Context = "another context"u8.ToArray() }, VerificationFailure.EquationFailed);
            var other = new DiscreteLogStatement(group, group.MultiplyBase(group.RandomScalar()));
            AssertRejected(items, parameters, bad, items[bad] with { Statement = other }, VerificationFailure.EquationFailed);
        }
    }

    public static TheoryData<string> Groups() => new(TestGroups.All.Select(g => g.Name));

    [Theory]
    [MemberData(nameof(Groups))]
    public void A_proof_swapped_between_two_items_fails_although_each_proof_is_valid_for_its_own_statement(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        var items = ValidItems(group, parameters, 9);
        var swapped = items.ToList();
        swapped[4] = items[4] with { Proof = items[7].Proof };
        swapped[7] = items[7] with { Proof = items[4].Proof };
        var result = SchnorrBatchVerifier.Verify(swapped, parameters);
        Assert.False(result.IsValid);
        Assert.StartsWith("Item 4:", result.Reason);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void A_non_canonical_response_or_a_short_proof_is_malformed(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        var items = ValidItems(group, parameters, 5);
        var proof = items[3].Proof.ToArray();
        proof.AsSpan(group.ElementLength).Fill(0xff);
        AssertRejected(items, parameters, 3, items[3] with { Proof = proof }, VerificationFailure.MalformedProof);
        AssertRejected(items, parameters, 2, items[2] with { Proof = items[2].Proof[..^1] }, VerificationFailure.MalformedProof);
    }

    /// <summary>
    /// Points that meet in the multi-scalar multiplication: one key for many proofs, and one proof's
    /// commitment reused as another statement's generator, so the same point (or its negation) is in
    /// several tables and the accumulator can meet it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Groups))]
    public void Repeated_keys_and_keys_equal_to_commitments_verify(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = SchnorrProofSystem.Instance.ParametersFor(group);
        var x = group.RandomScalar();
        var shared = new DiscreteLogStatement(group, group.MultiplyBase(x));
        var items = new List<SigmaBatchItem>();
        for (var i = 0; i < 6; i++)
        {
            using var witness = new DiscreteLogWitness(x);
            items.Add(new SigmaBatchItem(shared, SchnorrProofSystem.Instance.Prove(shared, witness, parameters, []), ReadOnlyMemory<byte>.Empty));
        }

        // Item 0's commitment R becomes another statement's generator: the same point then appears as
        // a commitment term and as a generator term.
        Assert.True(group.TryDecodeElement(items[0].Proof.Span[..group.ElementLength], out var commitment));
        var y = group.RandomScalar();
        var other = new DiscreteLogStatement(group, commitment, y * commitment);
        using (var witness = new DiscreteLogWitness(y))
        {
            items.Add(new SigmaBatchItem(other, SchnorrProofSystem.Instance.Prove(other, witness, parameters, []), ReadOnlyMemory<byte>.Empty));
        }

        Assert.True(SchnorrBatchVerifier.Verify(items, parameters).IsValid);
        Assert.True(SchnorrBatchVerifier.Verify(items, parameters, groupPath: false).IsValid);
        var tampered = items.ToList();
        tampered[5] = items[5] with { Proof = Flip(items[5].Proof, group.ElementLength + 3) };
        Assert.StartsWith("Item 5:", SchnorrBatchVerifier.Verify(tampered, parameters).Reason);
    }

    private static List<SigmaBatchItem> ValidItems(IPrimeOrderGroup group, GroupParameterSet parameters, int size)
    {
        var items = new List<SigmaBatchItem>();
        for (var i = 0; i < size; i++)
        {
            var x = group.RandomScalar();
            // Every seventh statement has a generator of its own.
            var generator = i % 7 == 3 ? group.MultiplyBase(group.RandomScalar()) : group.Generator;
            var statement = new DiscreteLogStatement(group, generator, x * generator);
            using var witness = new DiscreteLogWitness(x);
            var context = i % 2 == 0 ? Array.Empty<byte>() : [(byte)i, (byte)(i >> 8)];
            items.Add(new SigmaBatchItem(statement, SchnorrProofSystem.Instance.Prove(statement, witness, parameters, context), context));
        }

        return items;
    }

    private static byte[] Flip(ReadOnlyMemory<byte> proof, int index)
    {
        var copy = proof.ToArray();
        copy[index] ^= 0x04;
        return copy;
    }

    private static void AssertRejected(List<SigmaBatchItem> items, GroupParameterSet parameters, int bad, SigmaBatchItem replacement, VerificationFailure? failure)
    {
        var tampered = items.ToList();
        tampered[bad] = replacement;
        foreach (var groupPath in new[] { true, false })
        {
            var result = SchnorrBatchVerifier.Verify(tampered, parameters, groupPath);
            Assert.False(result.IsValid);
            Assert.StartsWith($"Item {bad}:", result.Reason);
            if (failure is { } expected)
            {
                Assert.Equal(expected, result.Failure);
            }
        }
    }
}
