using System.Numerics;
using System.Text;
using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Formats;

/// <summary>The private-weights commitment, re-encoded here from docs/formats.md ("Private-weights commitment").</summary>
public sealed class WeightsCommitmentVectorTests
{
    // x[1,2] · W[2,2] + B with W = [[0.5, −0.25], [1, 0]], B = [0.125, −1]: one affine layer.
    private static QuantizedModel Model(float w00 = 0.5f) => ModelQuantizer.Quantize(OnnxModelImporter.Import(
        new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 2], [w00, -0.25f, 1f, 0f]).Initializer("B", [2], [0.125f, -1f])
            .Node("MatMul", ["x", "W"], "z").Node("Add", ["z", "B"], "y").Build("y", [1, 2])));

    [Fact]
    public void TheCommitmentIsTheDocumentedSpongeOverThePackedParameters()
    {
        var model = Model();
        var layer = model.Layers.OfType<QuantizedAffine>().Single();
        var blinding = FieldElement.FromUInt64(12345);

        // The widths: the signed width of the largest |weight| and |bias| (ValueBounds.Bits), at least 2.
        static int Width(IEnumerable<long> values) => Math.Max(2, (int)(64 - BitOperations.LeadingZeroCount((ulong)values.Max(Math.Abs))) + 1);
        var weightBits = Width(layer.Weights);
        var biasBits = Width(layer.Bias);
        Assert.Equal(9, weightBits); // |128| < 2^8
        Assert.Equal(15, biasBits); // |−16384 + 64| < 2^14

        // Pack offset values, least significant first, into ≤ 252-bit integers (BigInteger: an independent computation).
        var elements = new List<BigInteger>();
        BigInteger current = 0;
        var position = 0;
        foreach (var (value, bits) in layer.Weights.Select(w => (w, weightBits)).Concat(layer.Bias.Select(b => (b, biasBits))))
        {
            if (position + bits > 252)
            {
                elements.Add(current);
                current = 0;
                position = 0;
            }

            current += (BigInteger)(value + (1L << (bits - 1))) << position;
            position += bits;
        }

        elements.Add(current);
        Assert.Single(elements);

        var tag = FieldElement.Parse(new BigInteger(Encoding.UTF8.GetBytes("NexusZero.Inference.Weights.v1"), isUnsigned: true, isBigEndian: true).ToString());
        var state = Poseidon.Hash(tag, FieldElement.FromUInt64(6), FieldElement.FromUInt64((ulong)(weightBits + (256 * biasBits))), blinding);
        state = Poseidon.Hash(state, FieldElement.Parse(elements[0].ToString()), FieldElement.Zero, FieldElement.Zero);

        using var opening = PrivateWeightsOpening.FromBlinding(model, blinding);
        Assert.Equal(state, opening.Commitment);
        Assert.Equal("0x" + Convert.ToHexStringLower(opening.CommitmentBytes()), opening.Commitment.ToHexString());
    }

    [Fact]
    public void TheSameWeightsAndBlindingGiveTheSameCommitmentAndAnyChangeAnother()
    {
        var model = Model();
        var blinding = FieldElement.FromUInt64(7);
        using var first = PrivateWeightsOpening.FromBlinding(model, blinding);
        using var again = PrivateWeightsOpening.FromBlinding(Model(), blinding);
        using var otherBlinding = PrivateWeightsOpening.FromBlinding(model, blinding + FieldElement.One);
        using var otherWeight = PrivateWeightsOpening.FromBlinding(Model(w00: 0.5f + (1f / 128)), blinding);
        using var fresh = PrivateWeightsOpening.Create(model);
        using var fresh2 = PrivateWeightsOpening.Create(model);
        Assert.Equal(first.Commitment, again.Commitment);
        Assert.NotEqual(first.Commitment, otherBlinding.Commitment);
        Assert.NotEqual(first.Commitment, otherWeight.Commitment);
        Assert.NotEqual(fresh.Commitment, fresh2.Commitment);
    }

    [Fact]
    public void ADisposedOpeningCannotProve()
    {
        var opening = PrivateWeightsOpening.Create(Model());
        opening.Dispose();
        Assert.Throws<ObjectDisposedException>(() => opening.Blinding);
    }

    [Fact]
    public void AModelWithoutWeightsHasNothingToHide() =>
        Assert.Throws<ArgumentException>(() => PrivateWeightsOpening.Create(ModelQuantizer.Quantize(OnnxModelImporter.Import(
            new OnnxGraphBuilder("x", [1, 2]).Node("Relu", ["x"], "y").Build("y", [1, 2])))));
}
