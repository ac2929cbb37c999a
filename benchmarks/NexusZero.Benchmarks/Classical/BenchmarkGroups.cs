using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Benchmarks.Classical;

internal static class BenchmarkGroups
{
    public static IPrimeOrderGroup ByName(string name) => name switch
    {
        "ristretto255" => Ristretto255Group.Instance,
        "secp256k1" => Secp256k1Group.Instance,
        _ => throw new ArgumentException($"Unknown group {name}.", nameof(name)),
    };
}
