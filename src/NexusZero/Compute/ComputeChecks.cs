using NexusZero.Groups.Bn254;
using NexusZero.Lattices;

namespace NexusZero.Compute;

/// <summary>The argument checks every backend applies before it touches data, so all of them reject the same misuse.</summary>
internal static class ComputeChecks
{
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Msm(int scalarCount, int pointCount)
    {
        if (scalarCount != pointCount)
        {
            throw new ArgumentException($"{scalarCount} scalars for {pointCount} points.", "scalars");
        }
    }

    /// <exception cref="ArgumentException">The length is not a non-zero multiple of the domain size.</exception>
    public static void FrBatch(FrDomain domain, int length)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (length == 0 || length % domain.Size != 0)
        {
            throw new ArgumentException($"A batch over a domain of {domain.Size} points needs a non-zero multiple of {domain.Size} values, not {length}.", "values");
        }
    }

    /// <exception cref="ArgumentException">The length is not a non-zero multiple of 256.</exception>
    public static void LatticeBatch(int length)
    {
        if (length == 0 || length % Polynomial.N != 0)
        {
            throw new ArgumentException($"A batch of polynomials needs a non-zero multiple of {Polynomial.N} coefficients, not {length}.", "polynomials");
        }
    }
}
