using NexusZero.Proofs;

namespace NexusZero.Tests.Proofs;

/// <summary>TEST ONLY: a parameter set with arbitrary canonical bytes.</summary>
internal sealed record FakeParameterSet(ushort SetId, byte[] Bytes) : ParameterSet(SetId, "fake", 128)
{
    public override byte[] ToCanonicalBytes() => (byte[])Bytes.Clone();
}
