namespace NexusZero.Inference.Receipts;

/// <summary>Domain-separation labels of the receipt encodings, each with its format version.</summary>
internal static class ReceiptLabels
{
    public static ReadOnlySpan<byte> Subject => "NexusZero/inference/subject/v1"u8;

    /// <summary>The subject of an inference whose input is committed: no input values, the input's Poseidon commitment instead.</summary>
    public static ReadOnlySpan<byte> SubjectCommittedInput => "NexusZero/inference/subject/committed-input/v1"u8;

    /// <summary>The subject of an inference by a model with private weights: the weights' Poseidon commitment in place of the SHA-256 model commitment.</summary>
    public static ReadOnlySpan<byte> SubjectPrivateWeights => "NexusZero/inference/subject/private-weights/v1"u8;

    /// <summary>Private weights and a committed input: both Poseidon commitments, no input values.</summary>
    public static ReadOnlySpan<byte> SubjectPrivateWeightsCommittedInput => "NexusZero/inference/subject/private-weights/committed-input/v1"u8;

    public static ReadOnlySpan<byte> Input => "NexusZero/inference/input/v1"u8;

    public static ReadOnlySpan<byte> Explanation => "NexusZero/inference/explanation/v1"u8;
}
