namespace NexusZero.Service;

/// <summary>
/// How much a <c>VerifyInference</c> call produces. Each level includes everything below it, and the
/// cache keeps one receipt per level: a cached output-only answer never stands in for a proof.
/// </summary>
public enum InferenceLevel
{
    /// <summary>The model's output only (quantized evaluation, no proof).</summary>
    OutputOnly = 0,

    /// <summary>The output and an explanation of it.</summary>
    Explanation = 1,

    /// <summary>The output, the explanation and a zero-knowledge proof that the model produced the output.</summary>
    Proof = 2,

    /// <summary>All of the above and a quorum certificate of the validators over them: a full receipt.</summary>
    Consensus = 3,
}
