using NexusZero.Circuits.Circom;
using NexusZero.Groups.Bn254;
using NexusZero.IO;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// Reads snarkjs's Groth16 .zkey (version 1, sections 1–10, docs/formats.md "snarkjs .zkey") strictly: BN254 only,
/// every section present once with exactly the size its header's counts imply, counts within
/// <see cref="CircomReadLimits"/> before anything is allocated, every point canonical and on its curve, the verifying
/// key's G2 points in the subgroup, coefficients' rows and signals in range, no trailing bytes.
/// </summary>
/// <remarks>
/// The query points of the proving key (sections 5–9) are checked on-curve but not for G2 subgroup membership: that
/// costs a scalar multiplication per point, and a bad proving key can only make the prover's proofs fail, which
/// <see cref="SnarkjsZkeyProver"/> detects by verifying every proof before returning it.
/// </remarks>
public static class SnarkjsZkeyReader
{
    private const string FileName = "zkey";
    private const uint Groth16Protocol = 1;
    private const int CoefficientBytes = 12 + 32;
    private const int ContributionMinimumBytes = (3 * ZkeyPointReader.G1Bytes) + ZkeyPointReader.G2Bytes + 64 + 4 + 4;

    /// <summary>Groth16 header: n8q, q, n8r, r, nVars, nPublic, domainSize, α₁, β₁, β₂, γ₂, δ₁, δ₂.</summary>
    private const int HeaderBytes = 4 + 32 + 4 + 32 + 4 + 4 + 4 + (3 * ZkeyPointReader.G1Bytes) + (3 * ZkeyPointReader.G2Bytes);

    private static readonly uint[] SectionTypes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// <summary>Reads a .zkey file through a bounded reader.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The file is malformed, over a limit, not Groth16 or not over BN254.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SnarkjsZkey ReadFile(string path, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        return Read(BoundedFile.ReadAllBytes(path, limits.MaxFileBytes, "zkey file"), limits);
    }

    /// <summary>Reads the bytes of a .zkey file.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The bytes are malformed, over a limit, not Groth16 or not over BN254.</exception>
    public static SnarkjsZkey Read(ReadOnlySpan<byte> data, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        if (data.Length > limits.MaxFileBytes)
        {
            throw new FormatException($"{FileName}: the file is {data.Length} bytes, over the limit of {limits.MaxFileBytes}.");
        }

        var sections = CircomContainer.ReadSections(data, "zkey"u8, 1, SectionTypes, FileName);
        var protocol = Reader(data, sections[1], FileName + " section 1");
        if (sections[1].Length != 4 || protocol.ReadUInt32("protocol") != Groth16Protocol)
        {
            throw protocol.Error("section 1 must be the 4-byte protocol id 1 (Groth16)");
        }

        // Section 2: the header, whose counts fix every other section's size.
        var header = Reader(data, sections[2], FileName + " section 2");
        if (sections[2].Length != HeaderBytes)
        {
            throw header.Error($"the Groth16 header is {sections[2].Length} bytes; it must be {HeaderBytes}");
        }

        ReadPrime(ref header, "q", Fp.Parameters.Modulus);
        ReadPrime(ref header, "r", Fr.Parameters.Modulus);
        var variables = header.ReadUInt32("nVars");
        var publics = header.ReadUInt32("nPublic");
        var domainSize = header.ReadUInt32("domainSize");
        if (variables < 1 || variables > (uint)limits.MaxWires)
        {
            throw header.Error($"nVars is {variables}; it must be 1 … {limits.MaxWires}");
        }

        if (publics >= variables)
        {
            throw header.Error($"nPublic is {publics}; it must be below nVars = {variables}");
        }

        if (domainSize < 2 || !uint.IsPow2(domainSize) || domainSize > (1u << (FrDomain.MaxLogSize - 1)))
        {
            throw header.Error($"domainSize is {domainSize}; it must be a power of two from 2 to 2^{FrDomain.MaxLogSize - 1}");
        }

        if (domainSize < publics + 1 || domainSize > (uint)limits.MaxConstraints * 2L)
        {
            throw header.Error($"domainSize {domainSize} cannot hold nPublic + 1 = {publics + 1} rows or is over twice the constraint limit {limits.MaxConstraints}");
        }

        int n = (int)variables;
        int l = (int)publics;
        int size = (int)domainSize;
        ExpectLength(data, sections[3], (long)(l + 1) * ZkeyPointReader.G1Bytes, "section 3 (IC)");
        ExpectLength(data, sections[5], (long)n * ZkeyPointReader.G1Bytes, "section 5 (A)");
        ExpectLength(data, sections[6], (long)n * ZkeyPointReader.G1Bytes, "section 6 (B1)");
        ExpectLength(data, sections[7], (long)n * ZkeyPointReader.G2Bytes, "section 7 (B2)");
        ExpectLength(data, sections[8], (long)(n - l - 1) * ZkeyPointReader.G1Bytes, "section 8 (C)");
        ExpectLength(data, sections[9], (long)size * ZkeyPointReader.G1Bytes, "section 9 (H)");

        var alpha1 = ZkeyPointReader.ReadG1(ref header, "alpha1");
        var beta1 = ZkeyPointReader.ReadG1(ref header, "beta1");
        var beta2 = ZkeyPointReader.ReadG2(ref header, "beta2", checkSubgroup: true);
        var gamma2 = ZkeyPointReader.ReadG2(ref header, "gamma2", checkSubgroup: true);
        var delta1 = ZkeyPointReader.ReadG1(ref header, "delta1");
        var delta2 = ZkeyPointReader.ReadG2(ref header, "delta2", checkSubgroup: true);
        if (alpha1.IsIdentity || beta1.IsIdentity || beta2.IsIdentity || gamma2.IsIdentity || delta1.IsIdentity || delta2.IsIdentity)
        {
            throw header.Error("a verifying-key point (α, β, γ or δ) is the point at infinity");
        }

        var ic = ReadG1Array(data, sections[3], l + 1, "IC");
        var coefficients = ReadCoefficients(data, sections[4], n, size);
        var a1 = ReadG1Array(data, sections[5], n, "A");
        var b1 = ReadG1Array(data, sections[6], n, "B1");
        var b2 = ReadG2Array(data, sections[7], n, "B2");
        var c1 = ReadG1Array(data, sections[8], n - l - 1, "C");
        var h1 = ReadG1Array(data, sections[9], size, "H");
        var (hash, contributions) = ReadContributions(data, sections[10]);
        var verifyingKey = new Groth16VerifyingKey(alpha1, beta2, gamma2, delta2, ic);
        return new SnarkjsZkey(verifyingKey, n, int.Log2(size), beta1, delta1, coefficients, a1, b1, b2, c1, h1, hash, contributions);
    }

    private static CircomSpanReader Reader(ReadOnlySpan<byte> data, CircomSection section, string name) =>
        new(data.Slice(section.Offset, section.Length), name);

    private static void ExpectLength(ReadOnlySpan<byte> data, CircomSection section, long expected, string name)
    {
        if (section.Length != expected)
        {
            throw Reader(data, section, FileName).Error($"{name} is {section.Length} bytes; the header's counts need {expected}");
        }
    }

    private static void ReadPrime(ref CircomSpanReader reader, string name, in Limbs256 modulus)
    {
        var length = reader.ReadUInt32($"n8{name}");
        if (length != 32)
        {
            throw reader.Error($"n8{name} is {length}; BN254 needs 32");
        }

        Span<byte> expected = stackalloc byte[32];
        modulus.WriteLittleEndian(expected);
        if (!reader.ReadBytes(32, name).SequenceEqual(expected))
        {
            throw reader.Error($"{name} is not BN254's {(name == "q" ? "base" : "scalar")} field modulus");
        }
    }

    private static G1Point[] ReadG1Array(ReadOnlySpan<byte> data, CircomSection section, int count, string name)
    {
        var reader = Reader(data, section, $"{FileName} {name} section");
        var points = new G1Point[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = ZkeyPointReader.ReadG1(ref reader, $"{name}[{i}]");
        }

        return points;
    }

    private static G2Point[] ReadG2Array(ReadOnlySpan<byte> data, CircomSection section, int count, string name)
    {
        var reader = Reader(data, section, $"{FileName} {name} section");
        var points = new G2Point[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = ZkeyPointReader.ReadG2(ref reader, $"{name}[{i}]", checkSubgroup: false);
        }

        return points;
    }

    /// <summary>
    /// Section 4: u32 count, then (u32 matrix, u32 row, u32 signal, 32-byte value) per coefficient. snarkjs stores
    /// value·R² mod r (R = 2^256) so that one Montgomery product with a plain witness value lands in Montgomery form;
    /// reading the bytes as a Montgomery form gives value·R, and one more factor R⁻¹ gives the value.
    /// </summary>
    private static ZkeyCoefficient[] ReadCoefficients(ReadOnlySpan<byte> data, CircomSection section, int variables, int domainSize)
    {
        var reader = Reader(data, section, $"{FileName} section 4");
        var count = reader.ReadUInt32("coefficient count");
        if ((long)section.Length != 4 + ((long)count * CoefficientBytes))
        {
            throw reader.Error($"section 4 is {section.Length} bytes; {count} coefficients need {4 + ((long)count * CoefficientBytes)}");
        }

        // The count is bounded by the bytes present (checked above), so the array is at most ~1.1× the section.
        Fr.FromMontgomeryLittleEndian([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], out var inverseR);
        var coefficients = new ZkeyCoefficient[count];
        for (var i = 0; i < coefficients.Length; i++)
        {
            var matrix = reader.ReadUInt32($"coefficient {i} matrix");
            var row = reader.ReadUInt32($"coefficient {i} row");
            var signal = reader.ReadUInt32($"coefficient {i} signal");
            if (matrix > 1)
            {
                throw reader.Error($"coefficient {i} names matrix {matrix}; only 0 (A) and 1 (B) are stored");
            }

            if (row >= (uint)domainSize)
            {
                throw reader.Error($"coefficient {i} is in row {row}, outside the domain of {domainSize}");
            }

            if (signal >= (uint)variables)
            {
                throw reader.Error($"coefficient {i} names signal {signal}; the circuit has {variables}");
            }

            if (!Fr.FromMontgomeryLittleEndian(reader.ReadBytes(32, $"coefficient {i} value"), out var scaled))
            {
                throw reader.Error($"coefficient {i} value is not below the scalar field modulus r");
            }

            coefficients[i] = new ZkeyCoefficient((int)matrix, (int)row, (int)signal, scaled * inverseR);
        }

        return coefficients;
    }

    /// <summary>Section 10: the 64-byte circuit hash, u32 count, then each contribution (points, transcript, parameters).</summary>
    private static (byte[] Hash, int Count) ReadContributions(ReadOnlySpan<byte> data, CircomSection section)
    {
        var reader = Reader(data, section, $"{FileName} section 10");
        var hash = reader.ReadBytes(64, "circuit hash").ToArray();
        var count = reader.ReadUInt32("contribution count");
        if (count > (uint)(reader.Remaining / ContributionMinimumBytes))
        {
            throw reader.Error($"{count} contributions cannot fit in the {reader.Remaining} bytes left");
        }

        for (var i = 0; i < count; i++)
        {
            ZkeyPointReader.ReadG1(ref reader, $"contribution {i} delta after");
            ZkeyPointReader.ReadG1(ref reader, $"contribution {i} g1_s");
            ZkeyPointReader.ReadG1(ref reader, $"contribution {i} g1_sx");
            ZkeyPointReader.ReadG2(ref reader, $"contribution {i} g2_spx", checkSubgroup: false);
            reader.ReadBytes(64, $"contribution {i} transcript");
            reader.ReadUInt32($"contribution {i} type");
            var parameterBytes = reader.ReadUInt32($"contribution {i} parameter length");
            ReadParameters(reader.ReadBytes((int)Math.Min(parameterBytes, (uint)int.MaxValue), $"contribution {i} parameters"), i);
        }

        if (reader.Remaining != 0)
        {
            throw reader.Error($"{reader.Remaining} bytes follow the last contribution");
        }

        return (hash, (int)count);
    }

    /// <summary>Parameters: (type, …) in increasing type order: 1 name (length, UTF-8), 2 iterations exponent, 3 beacon hash (length, bytes).</summary>
    private static void ReadParameters(ReadOnlySpan<byte> bytes, int contribution)
    {
        var reader = new CircomSpanReader(bytes, $"{FileName} contribution {contribution}");
        var last = 0;
        while (reader.Remaining > 0)
        {
            var type = reader.ReadBytes(1, "parameter type")[0];
            if (type <= last || type > 3)
            {
                throw reader.Error($"parameter type {type} is unknown or out of order");
            }

            last = type;
            var length = type == 2 ? 1 : reader.ReadBytes(1, "parameter length")[0];
            reader.ReadBytes(length, "parameter value");
        }
    }
}
