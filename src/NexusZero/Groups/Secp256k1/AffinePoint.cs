namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// A secp256k1 point other than the identity, in affine coordinates (x, y). Verifier tables are kept
/// in this form so that each addition into a Jacobian accumulator is a cheaper mixed addition.
/// </summary>
internal readonly struct AffinePoint
{
    public readonly FieldElement X;
    public readonly FieldElement Y;

    public AffinePoint(in FieldElement x, in FieldElement y)
    {
        X = x;
        Y = y;
    }

    public AffinePoint Negate() => new(X, FieldElement.Negate(Y));

    public ProjectivePoint ToProjective() => ProjectivePoint.FromAffine(X, Y);
}
