namespace NexusZero.Groups.Bn254;

/// <summary>A point (X, Y) on a BN254 curve, or the point at infinity (then X = Y = 0).</summary>
internal readonly record struct AffinePoint<TField>(TField X, TField Y, bool IsInfinity)
    where TField : struct, IBn254Field<TField>
{
    public static AffinePoint<TField> Infinity => new(TField.Zero, TField.Zero, true);
}
