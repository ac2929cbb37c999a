using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>Parameters of <see cref="FakeProofSystem"/>: id 1, 2, 3 for 128, 192, 256 bits.</summary>
internal sealed record FakeParameters(ushort Id, int Bits) : ParameterSet(Id, $"fake-{Bits}", Bits)
{
    public static readonly FakeParameters[] All = [new(1, 128), new(2, 192), new(3, 256)];

    public override byte[] ToCanonicalBytes() => [(byte)Id];
}
