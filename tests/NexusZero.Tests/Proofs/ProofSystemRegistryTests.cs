using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Tests.Proofs.Sigma;

namespace NexusZero.Tests.Proofs;

public sealed class ProofSystemRegistryTests
{
    [Fact]
    public void Default_contains_Schnorr()
    {
        Assert.True(ProofSystemRegistry.Default.TryGet(ProofSystemId.SchnorrDiscreteLog, out var system));
        Assert.Same(SchnorrProofSystem.Instance, system);
        Assert.Contains(SchnorrProofSystem.Instance, ProofSystemRegistry.Default.Systems);
    }

    [Fact]
    public void Unknown_ids_are_not_found()
    {
        Assert.False(ProofSystemRegistry.Default.TryGet((ProofSystemId)0x7777, out var system));
        Assert.Null(system);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var a = new SchnorrProofSystem([InsecureTestGroup.Instance]);
        Assert.Throws<ArgumentException>(() => new ProofSystemRegistry([a, SchnorrProofSystem.Instance]));
        Assert.Throws<ArgumentNullException>(() => new ProofSystemRegistry([null!]));
    }

    [Fact]
    public void With_returns_a_new_registry_and_leaves_the_original_unchanged()
    {
        var replacement = new SchnorrProofSystem([InsecureTestGroup.Instance]);
        var registry = ProofSystemRegistry.Default.With(replacement);

        Assert.True(registry.TryGet(ProofSystemId.SchnorrDiscreteLog, out var found));
        Assert.Same(replacement, found);
        Assert.True(ProofSystemRegistry.Default.TryGet(ProofSystemId.SchnorrDiscreteLog, out var original));
        Assert.Same(SchnorrProofSystem.Instance, original);
    }
}
