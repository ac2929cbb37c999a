using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Sigma;

/// <summary>The groups every sigma test runs over.</summary>
public static class TestGroups
{
    public static IEnumerable<IPrimeOrderGroup> All => [Ristretto255Group.Instance, Secp256k1Group.Instance];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var group in All)
        {
            data.Add(group.Name);
        }

        return data;
    }

    public static IPrimeOrderGroup ByName(string name) => All.Single(g => g.Name == name);
}
