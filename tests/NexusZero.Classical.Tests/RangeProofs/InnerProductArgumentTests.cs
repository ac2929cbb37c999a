using NexusZero.Classical.Tests.Sigma;
using NexusZero.Groups;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Transcripts;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>The inner-product prover without generator folding gives exactly the folding prover's output.</summary>
public sealed class InnerProductArgumentTests
{
    [Theory]
    [InlineData("ristretto255", 1)]
    [InlineData("ristretto255", 2)]
    [InlineData("ristretto255", 8)]
    [InlineData("ristretto255", 64)]
    [InlineData("ristretto255", 256)]
    [InlineData("secp256k1", 2)]
    [InlineData("secp256k1", 16)]
    [InlineData("secp256k1", 64)]
    public void Prover_without_folding_matches_the_folding_reference(string groupName, int n)
    {
        var group = TestGroups.ByName(groupName);
        var a = Enumerable.Range(0, n).Select(_ => group.RandomScalar()).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => group.RandomScalar()).ToArray();
        var y = group.RandomScalar();
        var hFactors = new GroupScalar[n];
        hFactors[0] = group.ScalarOne;
        for (var i = 1; i < n; i++)
        {
            hFactors[i] = hFactors[i - 1] * y;
        }

        var w = group.RandomScalar();
        using var expectedTranscript = new Transcript("ipa-test"u8);
        using var actualTranscript = new Transcript("ipa-test"u8);
        var expected = FoldingInnerProductReference.Prove(
            expectedTranscript, group, group.Generator.MultiplyVarTime(w), BulletproofGenerators.G(group, n), BulletproofGenerators.H(group, n), hFactors, [.. a], [.. b]);
        var actual = InnerProductArgument.Prove(actualTranscript, group, w, hFactors, [.. a], [.. b]);

        Assert.Equal(expected.L.Count, actual.L.Count);
        for (var j = 0; j < expected.L.Count; j++)
        {
            Assert.Equal(expected.L[j], actual.L[j]);
            Assert.Equal(expected.R[j], actual.R[j]);
        }

        Assert.Equal(expected.A, actual.A);
        Assert.Equal(expected.B, actual.B);

        // Both transcripts absorbed the same messages.
        Span<byte> expectedTail = stackalloc byte[32];
        Span<byte> actualTail = stackalloc byte[32];
        expectedTranscript.ChallengeBytes("tail"u8, expectedTail);
        actualTranscript.ChallengeBytes("tail"u8, actualTail);
        Assert.True(expectedTail.SequenceEqual(actualTail));
    }
}
