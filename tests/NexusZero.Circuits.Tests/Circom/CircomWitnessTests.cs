using NexusZero.Circuits;
using NexusZero.Circuits.Circom;
using static NexusZero.Circuits.Tests.Circom.CircomSamples;

namespace NexusZero.Circuits.Tests.Circom;

public sealed class CircomWitnessTests
{
    private const int CountOffset = 60;
    private const int ValuesSizeOffset = 68;
    private const int FirstValueOffset = 76;

    private static void Refused(byte[] data, string expectedFragment, CircomReadLimits? limits = null)
    {
        var error = Assert.Throws<FormatException>(() => CircomWitnessReader.Read(data, limits));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HandBuiltAndWrittenFilesAgree()
    {
        var hand = HandBuiltWtns(1, 70, 2, 3, -1);
        var values = CircomWitnessReader.Read(hand);
        Assert.Equal([FieldElement.One, FieldElement.FromUInt64(70), FieldElement.FromUInt64(2), FieldElement.FromUInt64(3), -FieldElement.One], values);
        Assert.Equal(hand, CircomWitnessWriter.Write(values));
    }

    [Fact]
    public void EveryTruncationIsAFormatException()
    {
        var data = HandBuiltWtns(1, 2, 3);
        for (var length = 0; length < data.Length; length++)
        {
            Assert.Throws<FormatException>(() => CircomWitnessReader.Read(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void FieldsAreChecked()
    {
        var data = HandBuiltWtns(1, 2, 3);
        Refused(Patched(data, d => d[3] = (byte)'x'), "magic");
        Refused(Patched(data, d => PatchUInt32(d, 4, 1)), "version");
        Refused(Patched(data, d => PatchUInt32(d, 24, 8)), "field size");
        Refused(Patched(data, d => d[PrimeOffset + 31] ^= 0x40), "prime");
        Refused(Patched(data, d => PatchUInt32(d, CountOffset, uint.MaxValue)), "nWitness");
        Refused(Patched(data, d => PatchUInt32(d, CountOffset, 0)), "nWitness");
        Refused(Patched(data, d => PatchUInt32(d, CountOffset, 4)), "witness section");
        Refused(Patched(data, d => PatchUInt64(d, ValuesSizeOffset, ulong.MaxValue)), "size");
        Refused(Patched(data, d => PrimeLittleEndian.CopyTo(d, FirstValueOffset + 32)), "witness value 1");
        Refused([.. data, 1, 2], "follow the last section");
        Refused(data, "nWitness", new CircomReadLimits { MaxWires = 2 });
    }

    private static byte[] Patched(byte[] data, Action<byte[]> patch)
    {
        var copy = (byte[])data.Clone();
        patch(copy);
        return copy;
    }
}
