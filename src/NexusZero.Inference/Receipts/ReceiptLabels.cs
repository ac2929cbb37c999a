namespace NexusZero.Inference.Receipts;

/// <summary>Domain-separation labels of the receipt encodings, each with its format version.</summary>
internal static class ReceiptLabels
{
    public static ReadOnlySpan<byte> Subject => "NexusZero/inference/subject/v1"u8;

    public static ReadOnlySpan<byte> Input => "NexusZero/inference/input/v1"u8;

    public static ReadOnlySpan<byte> Explanation => "NexusZero/inference/explanation/v1"u8;
}
