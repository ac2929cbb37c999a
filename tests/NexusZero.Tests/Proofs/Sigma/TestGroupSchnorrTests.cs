using NexusZero.Groups;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>Schnorr over the insecure BigInteger test group (independent of any production group).</summary>
public sealed class TestGroupSchnorrTests : SchnorrProofSystemTests
{
    private static readonly SchnorrProofSystem TestSystem = new([InsecureTestGroup.Instance]);

    private protected override IPrimeOrderGroup Group => InsecureTestGroup.Instance;

    private protected override SchnorrProofSystem System => TestSystem;

    [Fact]
    public void Disposing_the_witness_zeroes_its_own_copy_only()
    {
        using var x = Group.RandomScalar();
        var witness = new DiscreteLogWitness(x);
        var copy = (InsecureTestGroup.TestScalar)witness.Secret;
        Assert.NotSame(x, copy);

        witness.Dispose();
        Assert.True(copy.Disposed);
        Assert.True(copy.IsZero);
        Assert.False(((InsecureTestGroup.TestScalar)x).Disposed);
    }
}
