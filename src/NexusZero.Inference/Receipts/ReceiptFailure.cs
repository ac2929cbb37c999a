namespace NexusZero.Inference.Receipts;

/// <summary>Which part of a receipt failed verification.</summary>
public enum ReceiptFailure
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The bytes are not a canonical receipt.</summary>
    Malformed = 1,

    /// <summary>
    /// The proof: the envelope does not verify under the pinned verifying key, or it is not the envelope the
    /// certificate signed.
    /// </summary>
    Proof = 2,

    /// <summary>
    /// The statement: the proof is about another model commitment, input or output than the receipt's, the key takes
    /// another number of public values, the certificate signed another subject, or the model is not the pinned one.
    /// </summary>
    StatementMismatch = 3,

    /// <summary>The explanation's digest differs from the one the certificate signed, or it explains no output of the subject.</summary>
    ExplanationBinding = 4,

    /// <summary>The certificate does not verify under the validator set (non-members, below quorum, bad signatures), or it certifies a rejection.</summary>
    Certificate = 5,
}
