using System.Numerics;
using System.Text;
using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Tests.Circuits;

namespace NexusZero.Inference.Tests.Formats;

/// <summary>The committed-input commitment and opening, re-encoded here from docs/formats.md ("Committed-input commitment").</summary>
public sealed class InputCommitmentVectorTests
{
    [Fact]
    public void TheCommitmentIsTheDocumentedSpongeOverThePackedInputs()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        long[] input = [-32768, 0, 1, 32767];
        var blinding = FieldElement.FromUInt64(12345);
        var b = model.Options.InputBits;
        Assert.Equal(16, b);

        // 4 × 16 bits pack into one element, least significant first (BigInteger: an independent computation).
        BigInteger packed = 0;
        for (var i = 0; i < input.Length; i++)
        {
            packed += (BigInteger)(input[i] + (1L << (b - 1))) << (b * i);
        }

        Assert.Equal(BigInteger.Parse("0xffff800180000000".Replace("0x", "0", StringComparison.Ordinal), System.Globalization.NumberStyles.HexNumber), packed);
        var tag = FieldElement.Parse(new BigInteger(Encoding.UTF8.GetBytes("NexusZero.Inference.Input.v1"), isUnsigned: true, isBigEndian: true).ToString());
        var state = Poseidon.Hash(tag, FieldElement.FromUInt64(4), FieldElement.FromUInt64(16), blinding);
        state = Poseidon.Hash(state, FieldElement.Parse(packed.ToString()), FieldElement.Zero, FieldElement.Zero);

        using var opening = CommittedInputOpening.FromBlinding(model, input, blinding);
        Assert.Equal(state, opening.Commitment);

        // The opening's bytes: label("NexusZero/inference/input-opening/v1") ‖ commitment ‖ blinding, 101 bytes.
        var bytes = opening.ToBytes();
        Assert.Equal(101, bytes.Length);
        Assert.Equal(36, bytes[0]);
        Assert.Equal("NexusZero/inference/input-opening/v1", Encoding.ASCII.GetString(bytes, 1, 36));
        Assert.Equal(opening.CommitmentBytes(), bytes[37..69]);
        Assert.Equal(Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000003039"), bytes[69..]);
        using var parsed = CommittedInputOpening.Parse(model, input, bytes);
        Assert.Equal(opening.Commitment, parsed.Commitment);
    }

    [Fact]
    public void AnOpeningForAnotherInputOrMalformedBytesIsRefused()
    {
        var model = InferenceCircuitTests.Quantized("mlp");
        long[] input = [1, 2, 3, 4];
        using var opening = CommittedInputOpening.FromBlinding(model, input, FieldElement.FromUInt64(3));
        var bytes = opening.ToBytes();
        Assert.Contains("not that of the given input", Assert.Throws<FormatException>(() => CommittedInputOpening.Parse(model, [1, 2, 3, 5], bytes)).Message, StringComparison.Ordinal);
        Assert.Contains("bytes, expected 101", Assert.Throws<FormatException>(() => CommittedInputOpening.Parse(model, input, bytes.AsSpan(1))).Message, StringComparison.Ordinal);
        var label = (byte[])bytes.Clone();
        label[5] ^= 1;
        Assert.Contains("label", Assert.Throws<FormatException>(() => CommittedInputOpening.Parse(model, input, label)).Message, StringComparison.Ordinal);
        var blinding = (byte[])bytes.Clone();
        blinding.AsSpan(69).Fill(0xFF);
        Assert.Contains("blinding is not a canonical", Assert.Throws<FormatException>(() => CommittedInputOpening.Parse(model, input, blinding)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CommittedInputOpening.FromBlinding(model, [1, 2, 3], FieldElement.One));
        Assert.Throws<ArgumentException>(() => CommittedInputOpening.FromBlinding(model, [1, 2, 3, 1L << 15], FieldElement.One));
        Assert.False(opening.Opens(model, [1, 2, 3, 1L << 15]));
    }
}
