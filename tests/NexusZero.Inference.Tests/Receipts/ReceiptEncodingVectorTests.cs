using System.Security.Cryptography;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>
/// Known answers for the receipt's deterministic encodings, computed from docs/formats.md ("Inference receipt") by an
/// independent script (Python hashlib and struct, the layout typed in from the document), never from this code.
/// </summary>
public sealed class ReceiptEncodingVectorTests
{
    private static readonly InferenceSubject Subject = new([.. Enumerable.Range(0, 32).Select(i => (byte)i)], new InferenceClaim([1, -2, 3], [10, -20], 0));

    private static readonly ReceiptExplanation Explanation = new("lime", 1, 0.5, ["a", "b"], [0.25, -1.5], new Dictionary<string, double> { ["efficiency"] = 1.0 });

    [Fact]
    public void TheSubjectEncodingAndInputCommitmentMatchTheDocument()
    {
        var bytes = Subject.ToBytes();
        Assert.Equal(110, bytes.Length);
        Assert.Equal("55d452a9e0cd9f7ce94e39f0099fd4dedf9e42df105df3d95aeb5ee8704c894f", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("e9e50ea2d8c338ba4e3684ba27ecd5053848758c6048a3d11e49a316487c7a13", Convert.ToHexStringLower(Subject.InputCommitment.Span));
        Assert.Equal("nexuszero-inference:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", Subject.ModelId);
        Assert.True(InferenceSubject.Parse(bytes).SameAs(Subject));
    }

    [Fact]
    public void TheCommittedInputSubjectEncodingMatchesTheDocumentAndHoldsNoInput()
    {
        var commitment = NexusZero.Circuits.FieldElement.FromUInt64(0x0123456789abcdef);
        var subject = new InferenceSubject([.. Enumerable.Range(0, 32).Select(i => (byte)i)], new InferenceClaim([], [10, -20], 0) { InputCommitment = commitment });
        var bytes = subject.ToBytes();
        Assert.Equal(132, bytes.Length);
        Assert.Equal("f292752cc3e7014c695bf7ed38d60894d522af69346f6fec78e8a2b70580e870", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.True(subject.IsInputCommitted);
        Assert.Equal("0000000000000000000000000000000000000000000000000123456789abcdef", Convert.ToHexStringLower(subject.InputCommitment.Span));
        var parsed = InferenceSubject.Parse(bytes);
        Assert.True(parsed.SameAs(subject));
        Assert.Empty(parsed.Claim.Input);
        Assert.Equal(commitment, parsed.Claim.InputCommitment);
        Assert.False(parsed.SameAs(Subject));

        // A non-canonical commitment (≥ r), an unknown label, and a claim with both forms are refused.
        var high = (byte[])bytes.Clone();
        high.AsSpan(1 + 46 + 32, 32).Fill(0xFF);
        Assert.Contains("input commitment: not a canonical", Assert.Throws<FormatException>(() => InferenceSubject.Parse(high)).Message, StringComparison.Ordinal);
        var label = (byte[])bytes.Clone();
        label[^40] ^= 1;
        label[10] ^= 1;
        Assert.Contains("subject label", Assert.Throws<FormatException>(() => InferenceSubject.Parse(label)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new InferenceSubject(new byte[32], new InferenceClaim([1], [10, -20], 0) { InputCommitment = commitment }));
    }

    [Fact]
    public void TheExplanationEncodingAndDigestMatchTheDocument()
    {
        var bytes = Explanation.ToBytes();
        Assert.Equal(72, bytes.Length);
        Assert.Equal("b0782c1f3a5cae4e4efe7291d4c47ac8fb6be7594557ba8d4bcea6c6f7cebc95", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("3ce18bc674e8f02e50c2e7c712ede33eadf7351d409f5e6ae93b0ebb58d28623", Convert.ToHexStringLower(Explanation.Digest));
        Assert.Equal(bytes, ReceiptExplanation.Parse(bytes, Explanation.Metrics).ToBytes());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteValueIsRefused(double value)
    {
        Assert.Throws<ArgumentException>(() => new ReceiptExplanation("lime", 0, 0, ["a"], [value]));
        var bytes = Explanation.ToBytes();
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(bytes.Length - 8), BitConverter.DoubleToInt64Bits(value));
        Assert.Contains("not a finite number", Assert.Throws<FormatException>(() => ReceiptExplanation.Parse(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeZeroIsWrittenAsZeroAndRefusedWhenRead()
    {
        var negative = new ReceiptExplanation("lime", 0, -0.0, ["a"], [-0.0]);
        Assert.Equal(new ReceiptExplanation("lime", 0, 0.0, ["a"], [0.0]).ToBytes(), negative.ToBytes());
        var bytes = negative.ToBytes();
        bytes[^8] = 0x80;
        Assert.Contains("−0 is not canonical", Assert.Throws<FormatException>(() => ReceiptExplanation.Parse(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArgMaxFlagOtherThanZeroOrOneAndAnArgMaxOutOfRangeAreRefused()
    {
        var bytes = Subject.ToBytes();
        var flag = bytes.Length - 3;
        bytes[flag] = 2;
        Assert.Contains("argmax flag", Assert.Throws<FormatException>(() => InferenceSubject.Parse(bytes)).Message, StringComparison.Ordinal);
        bytes[flag] = 1;
        bytes[^1] = 2;
        Assert.Contains("argmax: 2 is not an output index", Assert.Throws<FormatException>(() => InferenceSubject.Parse(bytes)).Message, StringComparison.Ordinal);
    }
}
