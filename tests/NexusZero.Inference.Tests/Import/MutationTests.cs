using NexusZero.Inference.Circuits;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Import;

/// <summary>Damaged model bytes give a clear error (FormatException, NotSupportedException, or a quantization refusal), never a crash.</summary>
public sealed class MutationTests
{
    [Theory]
    [MemberData(nameof(ImportTests.ModelNames), MemberType = typeof(ImportTests))]
    public void RandomByteChangesNeverCrashTheImporter(string name)
    {
        var original = ImportTests.Model(name);
        var random = new Random(41);
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            try
            {
                var model = OnnxModelImporter.Import(bytes);
                var quantized = ModelQuantizer.Quantize(model, new QuantizationOptions { InputBits = 12 });
                quantized.Evaluate(new long[model.InputSize]);
            }
            catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    [Fact]
    public void ANodeReadingAValueDefinedLaterIsRefused()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Node("Relu", ["later"], "y").Node("Relu", ["x"], "later").Build("y", [1, 2]);
        Assert.Contains("topological", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(bytes)).Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData((1L << 61) - 1)]
    [InlineData(-(1L << 61))]
    public void BoundedSignedValuesMapLikeFromInt64(long value) =>
        Assert.Equal(NexusZero.Circuits.FieldElement.FromInt64(value), BoundedSigned.ToField(value));
}
