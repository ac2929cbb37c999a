using NexusZero.Pipeline;
using NexusZero.Proofs.Lattice;

namespace NexusZero;

/// <summary>
/// The lattice entry points of <see cref="NexuszeroApi"/>. They are extension methods because the facade
/// class is not declared partial; call them as <c>api.ProveKeyPossession(...)</c>.
/// </summary>
public static class NexuszeroApiLatticeExtensions
{
    /// <summary>
    /// Proves possession of the ML-DSA secret key behind <paramref name="publicKey"/>, bound to
    /// <paramref name="context"/> (an ML-DSA signature over a transcript challenge; docs/security.md, "Lattice").
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="publicKey">The public key the statement names.</param>
    /// <param name="secretKey">Its secret key; not retained (the proof uses a copy that is zeroed afterwards).</param>
    /// <param name="context">Bytes the proof is bound to; verification uses the ones in the envelope.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the keys do not belong together; otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProveKeyPossession(this NexuszeroApi api, MLDsaPublicKey publicKey, MLDsaPrivateKey secretKey, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(secretKey);
        using var witness = new KeyPossessionWitness(secretKey);
        return api.Prove(new ProofRequest(LatticeKeyPossessionProofSystem.Instance, new KeyPossessionStatement(publicKey), witness, context.ToArray()));
    }

    /// <summary>
    /// Proves knowledge of (s1, s2) with t = A·s1 + s2 for the statement (Module-LWE relation proof; the
    /// parameters come from the estimator at the facade's configured security level).
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="statement">The public statement (ρ, k, l, η, t).</param>
    /// <param name="witness">The secret; the caller keeps and disposes it.</param>
    /// <param name="context">Bytes the proof is bound to; verification uses the ones in the envelope.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the witness does not satisfy the statement; otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProveLatticeRelation(this NexuszeroApi api, ModuleLweStatement statement, ModuleLweWitness witness, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(witness);
        return api.Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness, context.ToArray()));
    }
}
