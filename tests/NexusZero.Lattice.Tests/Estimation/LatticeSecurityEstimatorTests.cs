using NexusZero.Lattices;

namespace NexusZero.Lattice.Tests.Estimation;

public sealed class LatticeSecurityEstimatorTests
{
    // Published BKZ block sizes "to break LWE" for Dilithium2/3/5 = ML-DSA-44/65/87:
    // CRYSTALS-Dilithium Algorithm Specifications and Supporting Documentation (round 3, v3.1,
    // 2021-02-08), Table 1 (reproduced by pq-crystals/security-estimates, MLWE_security.py):
    // 423, 624 and 863, i.e. 123, 182 and 252 classical core-SVP bits.
    [Theory]
    [InlineData(4, 4, 2, 423)]
    [InlineData(6, 5, 4, 624)]
    [InlineData(8, 7, 2, 863)]
    public void PrimalBlockSizeIsWithinThreePercentOfTheDilithiumTable(int k, int l, int eta, int published)
    {
        CoreSvpEstimate estimate = LatticeSecurityEstimator.ModuleLwePrimal(k, l, eta);
        Assert.InRange(estimate.BlockSize, published * 0.97, published * 1.03);
        Assert.Equal(0.292 * estimate.BlockSize, estimate.ClassicalBits, 6);
        Assert.Equal(0.265 * estimate.BlockSize, estimate.QuantumBits, 6);
    }

    [Theory]
    [InlineData(4, 4, 1 << 18, 110, 140)]
    [InlineData(6, 5, 1 << 20, 160, 200)]
    [InlineData(8, 7, 1 << 20, 230, 275)]
    public void StrongUnforgeabilitySisEstimateIsInTheDilithiumRange(int k, int l, int bound, double minBits, double maxBits)
    {
        // Dilithium's strong-unforgeability MSIS instance: k equations, k + l + 1 columns, ζ′ = 2γ1.
        CoreSvpEstimate estimate = LatticeSecurityEstimator.ModuleSisInfinity(k, k + l + 1, bound);
        Assert.InRange(estimate.ClassicalBits, minBits, maxBits);
    }

    [Fact]
    public void HardnessGrowsWithDimensionAndShrinksWithLooserBounds()
    {
        Assert.True(LatticeSecurityEstimator.ModuleLwePrimal(5, 5, 2).BlockSize > LatticeSecurityEstimator.ModuleLwePrimal(4, 4, 2).BlockSize);
        Assert.True(LatticeSecurityEstimator.ModuleLwePrimal(4, 4, 4).BlockSize > LatticeSecurityEstimator.ModuleLwePrimal(4, 4, 1).BlockSize);
        Assert.True(LatticeSecurityEstimator.ModuleSisInfinity(4, 9, 1 << 16).ClassicalBits > LatticeSecurityEstimator.ModuleSisInfinity(4, 9, 1 << 19).ClassicalBits);
        Assert.Equal(0, LatticeSecurityEstimator.ModuleSisInfinity(4, 9, Zq.Q).ClassicalBits);
    }
}
