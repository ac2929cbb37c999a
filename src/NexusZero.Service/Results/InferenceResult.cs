using NexusZero.Consensus.Certificates;
using NexusZero.Inference.Receipts;

namespace NexusZero.Service.Results;

/// <summary>What one VerifyInference call produced at its level; the parts above the level are null.</summary>
internal sealed record InferenceResult(
    InferenceLevel Level,
    InferenceSubject Subject,
    ReceiptExplanation? Explanation,
    byte[]? Envelope,
    QuorumCertificate? Certificate)
{
    /// <summary>The receipt (consensus level only).</summary>
    public InferenceReceipt? Receipt => Certificate is not null ? new InferenceReceipt(Subject, Envelope!, Explanation!, Certificate) : null;
}
