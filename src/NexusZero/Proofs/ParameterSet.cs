namespace NexusZero.Proofs;

/// <summary>
/// A named, versioned set of parameters for a proof system. Its id is written into the envelope and its
/// canonical bytes are bound into the transcript. Proof systems derive their own parameter types.
/// </summary>
/// <param name="Id">Stable id within the proof system; written into envelopes.</param>
/// <param name="Name">Human-readable name, e.g. "ristretto255" or "ML-DSA-65".</param>
/// <param name="SecurityBits">Estimated classical security in bits.</param>
public abstract record ParameterSet(ushort Id, string Name, int SecurityBits)
{
    /// <summary>The canonical encoding of every parameter value, bound into the Fiat–Shamir transcript.</summary>
    public abstract byte[] ToCanonicalBytes();
}
