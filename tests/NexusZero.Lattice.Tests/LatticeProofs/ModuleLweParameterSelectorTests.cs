using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.LatticeProofs;

public sealed class ModuleLweParameterSelectorTests
{
    [Theory]
    [InlineData(4, 4, 2, 128)]
    [InlineData(5, 4, 2, 128)]
    [InlineData(6, 5, 4, 192)]
    [InlineData(8, 7, 2, 256)]
    [InlineData(8, 8, 4, 256)]
    public void ChoiceMeetsTheLevelAndIsCheapestAmongPowersOfTwo(int k, int l, int eta, int level)
    {
        ModuleLweParameterChoice choice = ModuleLweParameterSelector.Select(k, l, eta, level);
        Assert.True(choice.ChallengeBits >= level);
        Assert.True(choice.SisClassicalBits >= level);
        Assert.True(choice.Parameters.SecurityBits >= level);
        Assert.Equal(choice.Parameters.Tau * eta, choice.Beta);
        Assert.InRange(choice.ExpectedRepetitions, 1, ModuleLweParameterSelector.MaxExpectedRepetitions);
        Assert.Equal(1 / choice.AcceptanceProbability, choice.ExpectedRepetitions, 9);

        // τ is the smallest weight reaching the level.
        Assert.True(ModuleLweParameters.ChallengeBits(choice.Parameters.Tau - 1) < level || choice.Parameters.Tau == 1);

        // No other admissible γ1 is cheaper.
        double cost = choice.ProofSize * choice.ExpectedRepetitions;
        for (int bits = ModuleLweParameters.MinGamma1Bits; bits <= ModuleLweParameters.MaxGamma1Bits; bits++)
        {
            ModuleLweParameterChoice other = ModuleLweParameterSelector.Evaluate(ModuleLweParameters.Create(k, l, bits, choice.Parameters.Tau), eta);
            if (other.SisClassicalBits >= level && other.ExpectedRepetitions <= ModuleLweParameterSelector.MaxExpectedRepetitions)
            {
                Assert.True(other.ProofSize * other.ExpectedRepetitions >= cost);
            }
        }
    }

    [Fact]
    public void ChallengeSpaceMatchesTheBinomialCount()
    {
        // C(256, 1)·2 = 512 = 2^9; ML-DSA-44's τ = 39 gives more than 192 bits (FIPS 204 Table 1 requires > λ).
        Assert.Equal(9, ModuleLweParameters.ChallengeBits(1), 9);
        Assert.True(ModuleLweParameters.ChallengeBits(39) > 192);
        Assert.True(ModuleLweParameters.ChallengeBits(60) > 256);
    }

    [Fact]
    public void UnreachableLevelsFail()
    {
        // A 2×2 module keeps Module-SIS at 128 bits only for γ1 ≤ 2^11, where aborts dominate.
        var error = Assert.Throws<NexusZero.NexusZeroException>(() => ModuleLweParameterSelector.Select(2, 2, 2, 128));
        Assert.Equal(NexusZero.NexusZeroErrorKind.OptimizationFailed, error.Kind);
        Assert.Equal(NexusZero.NexusZeroErrorKind.OptimizationFailed, Assert.Throws<NexusZero.NexusZeroException>(() => ModuleLweParameterSelector.Select(4, 4, 8, 256)).Kind);
        Assert.Throws<ArgumentException>(() => ModuleLweParameterSelector.Select(9, 1, 2, 128));
    }
}
