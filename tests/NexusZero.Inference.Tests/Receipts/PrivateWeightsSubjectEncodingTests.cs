using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>
/// The private-weights subject forms (docs/formats.md, "Inference subject"): known answers computed from the document
/// by an independent script (Python hashlib and struct), round trips, and the strict parse.
/// </summary>
public sealed class PrivateWeightsSubjectEncodingTests
{
    /// <summary>W = the big-endian integer 00 01 … 1f, a canonical element of Fr (below r = 0x3064…).</summary>
    private static readonly FieldElement Weights = FieldElement.FromBigEndian([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    private static readonly FieldElement InputCommitment = FieldElement.FromUInt64(0x0123456789abcdef);

    [Fact]
    public void ThePrivateWeightsSubjectEncodingMatchesTheDocument()
    {
        var subject = InferenceSubject.ForPrivateWeights(new InferenceClaim([1, -2, 3], [10, -20], 0) { WeightsCommitment = Weights });
        var bytes = subject.ToBytes();
        Assert.Equal(126, bytes.Length);
        Assert.Equal("c97532b3a58c3c849383c80362f79abdc92f649b27ce1d5021382d7d88626237", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(WeightVisibility.Private, subject.Weights);
        Assert.Equal("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", Convert.ToHexStringLower(subject.ModelCommitment));
        Assert.Equal("nexuszero-inference-private:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", subject.ModelId);

        // The same input commitment as the public-weights form's (it names the input, not the model).
        var publicForm = new InferenceSubject(subject.ModelCommitment, new InferenceClaim([1, -2, 3], [10, -20], 0));
        Assert.Equal(publicForm.InputCommitment.ToArray(), subject.InputCommitment.ToArray());
        Assert.NotEqual(publicForm.ModelId, subject.ModelId);
        Assert.False(subject.SameAs(publicForm));

        var parsed = InferenceSubject.Parse(bytes);
        Assert.True(parsed.SameAs(subject));
        Assert.Equal(WeightVisibility.Private, parsed.Weights);
        Assert.Equal(Weights, parsed.Claim.WeightsCommitment);
        Assert.Equal(subject.ModelId, parsed.ModelId);
        Assert.Equal(WeightVisibility.Public, InferenceSubject.Parse(publicForm.ToBytes()).Weights);
        Assert.Null(InferenceSubject.Parse(publicForm.ToBytes()).Claim.WeightsCommitment);
    }

    [Fact]
    public void ThePrivateWeightsCommittedInputSubjectEncodingMatchesTheDocument()
    {
        var subject = InferenceSubject.ForPrivateWeights(new InferenceClaim([], [10, -20], 0) { WeightsCommitment = Weights, InputCommitment = InputCommitment });
        var bytes = subject.ToBytes();
        Assert.Equal(148, bytes.Length);
        Assert.Equal("7c74325cf1e07827aa1415b39dfe2d4df7871481f750b6a5fabbd18cdffc5919", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.True(subject.IsInputCommitted);
        var parsed = InferenceSubject.Parse(bytes);
        Assert.True(parsed.SameAs(subject));
        Assert.Equal(WeightVisibility.Private, parsed.Weights);
        Assert.Equal(Weights, parsed.Claim.WeightsCommitment);
        Assert.Equal(InputCommitment, parsed.Claim.InputCommitment);
        Assert.Empty(parsed.Claim.Input);
    }

    [Fact]
    public void ANonCanonicalWeightsCommitmentOrAnUnknownLabelIsRefused()
    {
        var bytes = InferenceSubject.ForPrivateWeights(new InferenceClaim([1, -2, 3], [10, -20], 0) { WeightsCommitment = Weights }).ToBytes();
        const int at = 1 + 46;

        // W ≥ r: all ones, and r itself (the smallest non-canonical value).
        var ones = (byte[])bytes.Clone();
        ones.AsSpan(at, 32).Fill(0xFF);
        Assert.Contains("weights commitment: not a canonical", Assert.Throws<FormatException>(() => InferenceSubject.Parse(ones)).Message, StringComparison.Ordinal);
        var r = (byte[])bytes.Clone();
        Convert.FromHexString("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001").CopyTo(r, at);
        Assert.Contains("weights commitment: not a canonical", Assert.Throws<FormatException>(() => InferenceSubject.Parse(r)).Message, StringComparison.Ordinal);

        // The same bytes under a public label parse (a SHA-256 commitment may be any 32 bytes) but as the other form.
        var publicLabel = "NexusZero/inference/subject/v1"u8.ToArray();
        byte[] relabelled = [(byte)publicLabel.Length, .. publicLabel, .. ones.AsSpan(at)];
        Assert.Equal(WeightVisibility.Public, InferenceSubject.Parse(relabelled).Weights);

        // One changed label byte, and a truncated commitment.
        var label = (byte[])bytes.Clone();
        label[30] ^= 1;
        Assert.Contains("subject label", Assert.Throws<FormatException>(() => InferenceSubject.Parse(label)).Message, StringComparison.Ordinal);
        Assert.Contains("weights commitment", Assert.Throws<FormatException>(() => InferenceSubject.Parse(bytes.AsSpan(0, at + 20))).Message, StringComparison.Ordinal);
        Assert.Contains("trailing", Assert.Throws<FormatException>(() => InferenceSubject.Parse([.. bytes, 0])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachConstructorTakesOnlyItsForm()
    {
        var privateClaim = new InferenceClaim([1], [10, -20], 0) { WeightsCommitment = Weights };
        Assert.Throws<ArgumentException>(() => new InferenceSubject(new byte[32], privateClaim));
        Assert.Throws<ArgumentException>(() => InferenceSubject.ForPrivateWeights(privateClaim with { WeightsCommitment = null }));
        Assert.Equal(WeightVisibility.Private, InferenceSubject.For(new byte[32], privateClaim).Weights);
        Assert.Equal(WeightVisibility.Public, InferenceSubject.For(new byte[32], privateClaim with { WeightsCommitment = null }).Weights);
    }
}
