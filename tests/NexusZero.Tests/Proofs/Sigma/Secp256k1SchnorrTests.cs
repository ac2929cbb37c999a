using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>Schnorr over secp256k1 through the shipped <see cref="SchnorrProofSystem.Instance"/>.</summary>
public sealed class Secp256k1SchnorrTests : SchnorrProofSystemTests
{
    private protected override IPrimeOrderGroup Group => Secp256k1Group.Instance;

    private protected override SchnorrProofSystem System => SchnorrProofSystem.Instance;

    [Fact]
    public void Shipped_system_has_the_secp256k1_parameter_set()
    {
        var set = Assert.Single(SchnorrProofSystem.Instance.ParameterSets, s => s.Id == (ushort)GroupId.Secp256k1);
        Assert.Equal(128, set.SecurityBits);
        Assert.Equal(33 + 32, SchnorrProofSystem.ProofLength(Secp256k1Group.Instance));
    }
}
