using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Proofs.Sigma;

/// <summary>The groups the classical sigma proof systems ship parameter sets for.</summary>
internal static class SigmaGroups
{
    public static IPrimeOrderGroup[] Shipped => [Ristretto255Group.Instance, Secp256k1Group.Instance];
}
