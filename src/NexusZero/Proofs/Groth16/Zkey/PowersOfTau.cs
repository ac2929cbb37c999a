using NexusZero.Circuits.Circom;
using NexusZero.Groups.Bn254;
using NexusZero.IO;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// A Powers of Tau file (.ptau, version 1) prepared for phase 2, as snarkjs and the public ceremonies publish it
/// (docs/formats.md, "snarkjs .ptau"). The container and every section size are checked when it is opened; points
/// are decoded (canonical, on the curve) only when a setup uses them, so opening a large ceremony file costs no
/// curve arithmetic.
/// </summary>
public sealed class PowersOfTau
{
    private const string FileName = "ptau";
    private static readonly uint[] SectionTypes = [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15];

    private readonly byte[] _data;
    private readonly Dictionary<uint, CircomSection> _sections;

    private PowersOfTau(byte[] data, Dictionary<uint, CircomSection> sections, int power, int ceremonyPower)
    {
        _data = data;
        _sections = sections;
        Power = power;
        CeremonyPower = ceremonyPower;
    }

    /// <summary>log2 of the number of powers: circuits with up to 2^Power rows fit.</summary>
    public int Power { get; }

    /// <summary>The power of the ceremony this file was cut from.</summary>
    public int CeremonyPower { get; }

    /// <summary>Opens a prepared .ptau file (read whole, through a bounded reader).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds (the file-size limit applies); <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The powers.</returns>
    /// <exception cref="FormatException">Malformed, over the limit, not BN254, or not prepared for phase 2.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PowersOfTau ReadFile(string path, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        return Read(BoundedFile.ReadAllBytes(path, limits.MaxFileBytes, "ptau file"));
    }

    /// <summary>Opens the bytes of a prepared .ptau file (kept, not copied).</summary>
    /// <param name="data">The whole file.</param>
    /// <returns>The powers.</returns>
    /// <exception cref="FormatException">Malformed, not BN254, or not prepared for phase 2.</exception>
    public static PowersOfTau Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Dictionary<uint, CircomSection> sections;
        try
        {
            sections = CircomContainer.ReadSections(data, "ptau"u8, 1, SectionTypes, FileName);
        }
        catch (FormatException ex) when (ex.Message.Contains("section count is 7", StringComparison.Ordinal))
        {
            throw new FormatException("ptau: the file is not prepared for phase 2 (it has no Lagrange sections 12–15); run `snarkjs powersoftau prepare phase2` on it.", ex);
        }

        var header = new CircomSpanReader(data.AsSpan(sections[1].Offset, sections[1].Length), FileName + " section 1");
        if (sections[1].Length != 4 + 32 + 4 + 4)
        {
            throw header.Error($"the header is {sections[1].Length} bytes; it must be 44");
        }

        var n8 = header.ReadUInt32("n8");
        Span<byte> p = stackalloc byte[32];
        Fp.Parameters.Modulus.WriteLittleEndian(p);
        if (n8 != 32 || !header.ReadBytes(32, "q").SequenceEqual(p))
        {
            throw header.Error("the curve is not BN254 (n8 must be 32 and q the BN254 base field modulus)");
        }

        var power = header.ReadUInt32("power");
        var ceremony = header.ReadUInt32("ceremonyPower");
        if (power < 1 || power > FrDomain.MaxLogSize - 1 || ceremony < power || ceremony > FrDomain.MaxLogSize)
        {
            throw header.Error($"power {power} / ceremonyPower {ceremony} are outside 1 … {FrDomain.MaxLogSize - 1} / power … {FrDomain.MaxLogSize}");
        }

        long count = 1L << (int)power;
        Expect(data, sections[2], ((2 * count) - 1) * 64, "section 2 (tauG1)");
        Expect(data, sections[3], count * 128, "section 3 (tauG2)");
        Expect(data, sections[4], count * 64, "section 4 (alphaTauG1)");
        Expect(data, sections[5], count * 64, "section 5 (betaTauG1)");
        Expect(data, sections[6], 128, "section 6 (betaG2)");
        Expect(data, sections[12], ((4 * count) - 1) * 64, "section 12 (Lagrange tauG1, levels 0 … power + 1)");
        Expect(data, sections[13], ((2 * count) - 1) * 128, "section 13 (Lagrange tauG2)");
        Expect(data, sections[14], ((2 * count) - 1) * 64, "section 14 (Lagrange alphaTauG1)");
        Expect(data, sections[15], ((2 * count) - 1) * 64, "section 15 (Lagrange betaTauG1)");
        if (sections[7].Length < 4)
        {
            throw new FormatException("ptau: section 7 (contributions) is shorter than its 4-byte count.");
        }

        return new PowersOfTau(data, sections, (int)power, (int)ceremony);
    }

    /// <summary>The raw 64 or 128 bytes of point <paramref name="index"/> of a section (Montgomery LE affine).</summary>
    internal ReadOnlySpan<byte> Raw(uint section, long index, int size) =>
        _data.AsSpan(_sections[section].Offset + checked((int)(index * size)), size);

    internal G1Point G1(uint section, long index)
    {
        var reader = new CircomSpanReader(Raw(section, index, 64), $"{FileName} section {section}");
        return ZkeyPointReader.ReadG1(ref reader, $"point {index}");
    }

    internal G2Point G2(uint section, long index, bool checkSubgroup = false)
    {
        var reader = new CircomSpanReader(Raw(section, index, 128), $"{FileName} section {section}");
        return ZkeyPointReader.ReadG2(ref reader, $"point {index}", checkSubgroup);
    }

    private static void Expect(byte[] data, CircomSection section, long expected, string name)
    {
        if (section.Length != expected)
        {
            throw new CircomSpanReader(data, FileName).Error($"{name} is {section.Length} bytes; the header's power needs {expected}");
        }
    }
}
