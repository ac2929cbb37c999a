using NexusZero.Circuits;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// Signed 62-bit witness values as field elements without a branch on the sign: v + 2^62 is non-negative for
/// every value a quantized model can hold (|v| &lt; 2^61, <see cref="Quantization.ValueBounds.MaxBits"/>), so
/// v = (v + 2^62) − 2^62 in the field. <see cref="FieldElement.FromInt64"/> branches on the sign, which a
/// private input must not do.
/// </summary>
internal static class BoundedSigned
{
    private static readonly FieldElement Offset = FieldElement.PowerOfTwo(62);

    public static FieldElement ToField(long value) => FieldElement.FromUInt64((ulong)(value + (1L << 62))) - Offset;
}
