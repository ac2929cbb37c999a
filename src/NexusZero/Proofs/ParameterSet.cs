namespace NexusZero.Proofs;

/// <summary>
/// A named, versioned set of parameters for a proof system. Its id is written into the envelope and its
/// canonical bytes are bound into the transcript. Proof systems derive their own parameter types.
/// </summary>
/// <param name="Id">Stable id within the proof system; written into envelopes.</param>
/// <param name="Name">Human-readable name, e.g. "ristretto255" or "ML-DSA-65".</param>
/// <param name="SecurityBits">
/// Estimated classical security in bits: the smaller of the underlying problem's hardness and the proof's
/// own soundness error (challenge-space size, repetitions, extraction slack). Verifiers refuse a set below
/// their floor on this figure.
/// </param>
public abstract record ParameterSet(ushort Id, string Name, int SecurityBits)
{
    /// <summary>
    /// How <see cref="SecurityBits"/> comes about, for error messages and the CLI, e.g.
    /// "9 bits (challenge space 9.0 bits, relaxed-witness Module-SIS 141.2 bits)".
    /// </summary>
    public virtual string DescribeSecurity() => $"{SecurityBits} bits";

    /// <summary>The canonical encoding of every parameter value, bound into the Fiat–Shamir transcript.</summary>
    public abstract byte[] ToCanonicalBytes();
}
