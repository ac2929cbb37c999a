namespace NexusZero.Inference.Receipts;

/// <summary>Domain-separation labels of the receipt encodings, each with its format version.</summary>
internal static class ReceiptLabels
{
    public static ReadOnlySpan<byte> Subject => "NexusZero/inference/subject/v1"u8;

    /// <summary>The subject of an inference whose input is committed: no input values, the input's Poseidon commitment instead.</summary>
    public static ReadOnlySpan<byte> SubjectCommittedInput => "NexusZero/inference/subject/committed-input/v1"u8;

    public static ReadOnlySpan<byte> Input => "NexusZero/inference/input/v1"u8;

    public static ReadOnlySpan<byte> Explanation => "NexusZero/inference/explanation/v1"u8;
}
