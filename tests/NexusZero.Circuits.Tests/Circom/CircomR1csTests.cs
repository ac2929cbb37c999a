using NexusZero.Circuits;
using NexusZero.Circuits.Circom;
using static NexusZero.Circuits.Tests.Circom.CircomSamples;

namespace NexusZero.Circuits.Tests.Circom;

public sealed class CircomR1csTests
{
    private static FormatException Refused(byte[] data, string expectedFragment, CircomReadLimits? limits = null)
    {
        var error = Assert.Throws<FormatException>(() => CircomR1csReader.Read(data, limits));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void HandBuiltFileReadsAsTheIntendedRelation()
    {
        var r1cs = CircomR1csReader.Read(HandBuiltR1cs());
        var system = r1cs.System;
        Assert.Equal(4, system.VariableCount);
        Assert.Equal(1, system.PublicOutputCount);
        Assert.Equal(1, system.PublicInputCount);
        Assert.Equal(1, r1cs.PrivateInputCount);
        Assert.Equal(10UL, r1cs.LabelCount);
        Assert.Equal([0UL, 7, 8, 9], r1cs.WireLabels);

        // The same relation as ConstraintSystemTests.Sample, whose digest was computed independently.
        Assert.Equal("74d7a56f3015c31ec4b9e4abb268a4a2b56c9fb054ff9fe93d0909025a9ba088", Convert.ToHexStringLower(system.ComputeDigest()));

        var witness = CircomWitnessReader.Read(HandBuiltWtns(1, -12, 0, 7));
        witness[2] = witness[1] / witness[3];
        Assert.True(system.IsSatisfied(witness).IsSatisfied);
    }

    [Fact]
    public void WriterOutputReadsBackToTheSameSystem()
    {
        var circuit = Circuit();
        var bytes = CircomR1csWriter.Write(circuit.System, privateInputCount: 1);
        var read = CircomR1csReader.Read(bytes);
        Assert.Equal(circuit.System.ComputeDigest(), read.System.ComputeDigest());
        Assert.Equal(1, read.PrivateInputCount);
        Assert.True(read.System.IsSatisfied(CircomWitnessReader.Read(CircomWitnessWriter.Write(circuit.CopyWitness()))).IsSatisfied);
        Assert.Equal(bytes, CircomR1csWriter.Write(read.System, 1));
    }

    [Fact]
    public void EveryTruncationIsAFormatException()
    {
        var data = HandBuiltR1cs();
        for (var length = 0; length < data.Length; length++)
        {
            Assert.Throws<FormatException>(() => CircomR1csReader.Read(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void EveryByteFlipIsRefusedOrReadsCleanly()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        for (var i = 0; i < data.Length; i++)
        {
            var copy = (byte[])data.Clone();
            copy[i] ^= 0x80;
            try
            {
                CircomR1csReader.Read(copy);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Fact]
    public void HeaderFieldsAreChecked()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        Refused(Patched(data, d => d[0] = (byte)'x'), "magic");
        Refused(Patched(data, d => PatchUInt32(d, 4, 2)), "version");
        Refused(Patched(data, d => PatchUInt32(d, 8, uint.MaxValue)), "section count");
        Refused(Patched(data, d => PatchUInt32(d, FieldSizeOffset, 48)), "field size");
        Refused(Patched(data, d => d[PrimeOffset] ^= 1), "prime");
        Refused(Patched(data, d => PatchUInt32(d, WiresOffset, uint.MaxValue)), "nWires");
        Refused(Patched(data, d => PatchUInt32(d, WiresOffset, 0)), "nWires");
        Refused(Patched(data, d => PatchUInt32(d, PublicOutputsOffset, uint.MaxValue)), "nPubOut + nPubIn + nPrvIn");
        Refused(Patched(data, d => PatchUInt64(d, LabelsOffset, 1)), "nLabels");
        Refused(Patched(data, d => PatchUInt32(d, ConstraintsOffset, uint.MaxValue)), "mConstraints");
        Refused(Patched(data, d => PatchUInt32(d, ConstraintsOffset, 1_000_000)), "mConstraints");
    }

    [Fact]
    public void SectionTableIsChecked()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        Refused(Patched(data, d => PatchUInt64(d, ConstraintSectionSizeOffset, ulong.MaxValue)), "size");
        Refused(Patched(data, d => PatchUInt32(d, 12, 2)), "appears twice");
        Refused(Patched(data, d => PatchUInt32(d, 12, 4)), "unsupported type 4");
        Refused([.. data, 0], "follow the last section");
    }

    [Fact]
    public void ConstraintTermsAreChecked()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        Refused(Patched(data, d => PatchUInt32(d, FirstTermCountOffset, uint.MaxValue)), "term count");
        Refused(Patched(data, d => PatchUInt32(d, FirstTermWireOffset, 1000)), "wire 1000 is not below nWires");
        Refused(Patched(data, d => PrimeLittleEndian.CopyTo(d, FirstCoefficientOffset)), "coefficient is not below");
        Refused(Patched(data, d => d.AsSpan(FirstCoefficientOffset, 32).Fill(0xff)), "coefficient is not below");

        var hand = HandBuiltR1cs();

        // Constraint 1's A is [(3, 1), (0, 5)] in the hand-built file; name wire 3 twice.
        var secondA = 12 + 12 + (3 * (4 + 36));
        PatchUInt32(hand, secondA + 4 + 36, 3);
        Refused(hand, "names wire 3 twice");
    }

    [Fact]
    public void WireMapIsChecked()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        var lastLabel = data.Length - 8;
        Refused(Patched(data, d => PatchUInt64(d, lastLabel, ulong.MaxValue)), "label");
    }

    [Fact]
    public void LimitsApplyBeforeAllocation()
    {
        var data = CircomR1csWriter.Write(Circuit().System);
        Refused(data, "nWires", new CircomReadLimits { MaxWires = 3 });
        Refused(data, "mConstraints", new CircomReadLimits { MaxConstraints = 1 });
        Refused(data, "over the limit", new CircomReadLimits { MaxFileBytes = 100 });
    }

    [Fact]
    public void FilesAreReadWithABound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nz-{Guid.NewGuid():N}.r1cs");
        try
        {
            File.WriteAllBytes(path, HandBuiltR1cs());
            Assert.Equal(4, CircomR1csReader.ReadFile(path).System.VariableCount);
        }
        finally
        {
            File.Delete(path);
        }

        if (File.Exists("/dev/zero"))
        {
            Assert.Throws<FormatException>(() => CircomR1csReader.ReadFile("/dev/zero", new CircomReadLimits { MaxFileBytes = 4096 }));
        }
    }

    private static byte[] Patched(byte[] data, Action<byte[]> patch)
    {
        var copy = (byte[])data.Clone();
        patch(copy);
        return copy;
    }
}
