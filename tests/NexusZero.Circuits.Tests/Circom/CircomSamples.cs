using System.Buffers.Binary;
using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Circom;

/// <summary>A small circuit and hand-assembled circom files (not from our writer), with the byte offsets tests patch.</summary>
internal static class CircomSamples
{
    // Offsets in a file written with sections 1, 2, 3 in that order.
    public const int FieldSizeOffset = 24;
    public const int PrimeOffset = 28;
    public const int WiresOffset = 60;
    public const int PublicOutputsOffset = 64;
    public const int LabelsOffset = 76;
    public const int ConstraintsOffset = 84;
    public const int ConstraintSectionSizeOffset = 92;
    public const int FirstTermCountOffset = 100;
    public const int FirstTermWireOffset = 104;
    public const int FirstCoefficientOffset = 108;

    public static readonly byte[] PrimeLittleEndian = Convert.FromHexString("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001").Reverse().ToArray();

    /// <summary>out = (x² + 5) · s, x private, s public: built with the library's builder.</summary>
    public static BuiltCircuit Circuit(ulong x = 3, ulong s = 2)
    {
        var b = CircuitBuilder.ForProving();
        var secret = b.Witness(FieldElement.FromUInt64(x));
        var scale = b.PublicInput("s", FieldElement.FromUInt64(s));
        var square = b.Multiply(secret, secret);
        b.PublicOutput("out", b.Multiply(square + FieldElement.FromUInt64(5), scale));
        return b.Build();
    }

    /// <summary>
    /// A hand-assembled .r1cs: wires one, out(1), in(2), private(3); constraints 3·3 = … written term by term
    /// with terms out of order and the sections in the order 2, 1, 3 (circom promises no order).
    /// The relation: w2 · w3 = w1 and (w3 + 5·w0) · w0 = −w1.
    /// </summary>
    public static byte[] HandBuiltR1cs()
    {
        var header = new List<byte>();
        U32(header, 32);
        header.AddRange(PrimeLittleEndian);
        U32(header, 4);
        U32(header, 1);
        U32(header, 1);
        U32(header, 1);
        U64(header, 10);
        U32(header, 2);

        var constraints = new List<byte>();
        Lc(constraints, (2, 1));
        Lc(constraints, (3, 1));
        Lc(constraints, (1, 1));
        Lc(constraints, (3, 1), (0, 5));
        Lc(constraints, (0, 1));
        Lc(constraints, (1, -1));

        var map = new List<byte>();
        foreach (var label in new ulong[] { 0, 7, 8, 9 })
        {
            U64(map, label);
        }

        var file = new List<byte>("r1cs"u8.ToArray());
        U32(file, 1);
        U32(file, 3);
        Section(file, 2, constraints);
        Section(file, 1, header);
        Section(file, 3, map);
        return file.ToArray();
    }

    /// <summary>A hand-assembled .wtns with the given values (canonical little-endian).</summary>
    public static byte[] HandBuiltWtns(params long[] values)
    {
        var header = new List<byte>();
        U32(header, 32);
        header.AddRange(PrimeLittleEndian);
        U32(header, (uint)values.Length);
        var body = new List<byte>();
        foreach (var v in values)
        {
            body.AddRange(FieldElement.FromInt64(v).ToLittleEndianBytes());
        }

        var file = new List<byte>("wtns"u8.ToArray());
        U32(file, 2);
        U32(file, 2);
        Section(file, 1, header);
        Section(file, 2, body);
        return file.ToArray();
    }

    public static void PatchUInt32(byte[] data, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(offset), value);

    public static void PatchUInt64(byte[] data, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(offset), value);

    private static void Lc(List<byte> into, params (uint Wire, long Coefficient)[] terms)
    {
        U32(into, (uint)terms.Length);
        foreach (var (wire, coefficient) in terms)
        {
            U32(into, wire);
            into.AddRange(FieldElement.FromInt64(coefficient).ToLittleEndianBytes());
        }
    }

    private static void Section(List<byte> into, uint type, List<byte> body)
    {
        U32(into, type);
        U64(into, (ulong)body.Count);
        into.AddRange(body);
    }

    private static void U32(List<byte> into, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        into.AddRange(bytes);
    }

    private static void U64(List<byte> into, ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        into.AddRange(bytes);
    }
}
