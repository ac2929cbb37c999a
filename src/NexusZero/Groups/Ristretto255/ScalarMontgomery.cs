namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Montgomery-form helpers for long products of public scalars (verifiers): with x̃ = x·R, one
/// <see cref="MontgomeryMultiply"/> of a plain and a Montgomery-form scalar gives the plain product,
/// and of two Montgomery-form scalars the Montgomery-form product, half the work of <c>operator *</c>.
/// </summary>
internal partial struct Scalar
{
    /// <summary>x·R mod ℓ, the Montgomery form of this.</summary>
    internal readonly Scalar ToMontgomery() => MontgomeryMultiply(this, RSquaredModEll);
}
