using System.Runtime.InteropServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Collects the terms of one <see cref="FixedBaseMsm"/>: a coefficient per fixed point (added to in
/// place, so every equation of a batch lands on the same fixed terms), a coefficient of the generator,
/// and a growing list of variable points. Verifier-only: every input is public.
/// </summary>
internal sealed class FixedBaseMsmBuilder
{
    private readonly FixedBaseTable[] _tables;
    private readonly Scalar[] _fixedScalars;
    private readonly List<Scalar> _varScalars = [];
    private readonly List<EdwardsPoint> _varPoints = [];
    private Scalar _baseScalar;

    /// <summary>Starts with every coefficient zero; <paramref name="tables"/> fixes the order of <see cref="FixedScalars"/>.</summary>
    internal FixedBaseMsmBuilder(FixedBaseTable[] tables)
    {
        _tables = tables;
        _fixedScalars = new Scalar[tables.Length];
    }

    /// <summary>The coefficients of the fixed points, in table order.</summary>
    internal Span<Scalar> FixedScalars => _fixedScalars;

    /// <summary>The coefficient of the generator.</summary>
    internal ref Scalar BaseScalar => ref _baseScalar;

    /// <summary>Adds <paramref name="scalar"/>·<paramref name="point"/> as a term of its own.</summary>
    internal void AddVariable(in Scalar scalar, in EdwardsPoint point)
    {
        _varScalars.Add(scalar);
        _varPoints.Add(point);
    }

    /// <summary>The sum of all terms so far.</summary>
    internal EdwardsPoint Sum() => FixedBaseMsm.MultiplyVarTime(
        _baseScalar,
        _fixedScalars,
        _tables,
        CollectionsMarshal.AsSpan(_varScalars),
        CollectionsMarshal.AsSpan(_varPoints));
}
