using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The model owner's opening of a private-weights commitment: a random blinding and the commitment it gives for
/// one quantized model (docs/formats.md, "Private-weights commitment"). Publish <see cref="Commitment"/>; keep this
/// object (the blinding) with the weights, and pass it in <see cref="InferenceProofOptions.Weights"/> to prove. The
/// same weights and blinding always give the same commitment, so every proof under one commitment is about the same
/// weights; a fresh blinding gives an unlinkable commitment to the same weights.
/// </summary>
public sealed class PrivateWeightsOpening : IDisposable
{
    private FieldElement _blinding;
    private bool _disposed;

    private PrivateWeightsOpening(QuantizedModel model, FieldElement blinding)
    {
        _blinding = blinding;
        ModelDigest = model.Commitment.ToArray();
        Commitment = WeightsCommitment.Compute(model, blinding);
    }

    /// <summary>The hiding commitment to the model's weights: the statement's public model value in private-weights mode.</summary>
    public FieldElement Commitment { get; }

    /// <summary>The commitment as 32 big-endian bytes (a canonical element of BN254's Fr).</summary>
    public byte[] CommitmentBytes()
    {
        var bytes = new byte[FieldElement.ByteLength];
        Commitment.WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>The SHA-256 digest of the model the opening was made for (kept by the owner, never published with the commitment).</summary>
    internal byte[] ModelDigest { get; }

    /// <summary>The blinding, for the prover.</summary>
    internal FieldElement Blinding
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _blinding;
        }
    }

    /// <summary>Commits to <paramref name="model"/>'s weights with a fresh blinding from the OS CSPRNG.</summary>
    /// <param name="model">The quantized model whose weights stay private.</param>
    /// <returns>The opening.</returns>
    /// <exception cref="ArgumentException">The model has no affine layer (no weights to hide).</exception>
    public static PrivateWeightsOpening Create(QuantizedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new PrivateWeightsOpening(model, RandomFieldElement.Uniform());
    }

    /// <summary>Commits with a given blinding: for tests of determinism and for restoring a stored opening.</summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="blinding">The blinding; it must have come from a uniform source for the commitment to hide.</param>
    /// <returns>The opening.</returns>
    /// <exception cref="ArgumentException">The model has no affine layer.</exception>
    public static PrivateWeightsOpening FromBlinding(QuantizedModel model, FieldElement blinding)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new PrivateWeightsOpening(model, blinding);
    }

    /// <summary>Whether this opening was made for <paramref name="model"/>.</summary>
    internal bool IsFor(QuantizedModel model) => CryptographicOperations.FixedTimeEquals(ModelDigest, model.Commitment.Span);

    /// <inheritdoc />
    public void Dispose()
    {
        _blinding = default;
        _disposed = true;
    }
}
