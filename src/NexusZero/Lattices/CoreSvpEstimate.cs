namespace NexusZero.Lattices;

/// <summary>
/// The outcome of a core-SVP estimate: the BKZ block size β an attack needs and what that costs.
/// </summary>
/// <param name="BlockSize">The smallest BKZ block size β for which the attack succeeds.</param>
/// <param name="ClassicalBits">Classical core-SVP cost, 0.292·β bits (sieving, Becker–Ducas–Gama–Laarhoven).</param>
/// <param name="QuantumBits">Quantum core-SVP cost, 0.265·β bits (Laarhoven's quantum sieve).</param>
/// <param name="Dimension">The lattice dimension the attack works in.</param>
internal sealed record CoreSvpEstimate(int BlockSize, double ClassicalBits, double QuantumBits, int Dimension)
{
    /// <summary>Classical bits per block-size unit.</summary>
    public const double ClassicalCostPerDimension = 0.292;

    /// <summary>Quantum bits per block-size unit.</summary>
    public const double QuantumCostPerDimension = 0.265;

    /// <summary>An estimate whose cost is exactly the core-SVP cost of <paramref name="blockSize"/>.</summary>
    public static CoreSvpEstimate ForBlockSize(int blockSize, int dimension) =>
        new(blockSize, ClassicalCostPerDimension * blockSize, QuantumCostPerDimension * blockSize, dimension);
}
