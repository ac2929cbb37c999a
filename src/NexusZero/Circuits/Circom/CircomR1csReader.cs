using NexusZero.IO;

namespace NexusZero.Circuits.Circom;

/// <summary>
/// A strict reader for iden3's .r1cs format version 1 (docs/formats.md, "circom .r1cs"): sections 1
/// (header), 2 (constraints) and 3 (wire-to-label map), BN254's scalar field only. Every count is checked
/// against the bytes present and <see cref="CircomReadLimits"/> before anything is allocated; any
/// deviation is a <see cref="FormatException"/> naming the field.
/// </summary>
public static class CircomR1csReader
{
    private const int HeaderBytes = 4 + 32 + (4 * 4) + 8 + 4;
    private const int TermBytes = 4 + FieldElement.ByteLength;
    private const string FileName = "r1cs";

    private static ReadOnlySpan<uint> SectionTypes => [1, 2, 3];

    /// <summary>Reads and converts a .r1cs file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The constraint system and header facts.</returns>
    /// <exception cref="FormatException">The file is malformed, over a limit, or not over BN254's scalar field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CircomR1cs ReadFile(string path, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        return Read(BoundedFile.ReadAllBytes(path, limits.MaxFileBytes, "r1cs file"), limits);
    }

    /// <summary>Reads and converts the bytes of a .r1cs file.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The constraint system and header facts.</returns>
    /// <exception cref="FormatException">The bytes are malformed, over a limit, or not over BN254's scalar field.</exception>
    public static CircomR1cs Read(ReadOnlySpan<byte> data, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        if (data.Length > limits.MaxFileBytes)
        {
            throw new FormatException($"{FileName}: the file is {data.Length} bytes, over the limit of {limits.MaxFileBytes}.");
        }

        var sections = CircomContainer.ReadSections(data, "r1cs"u8, 1, SectionTypes, FileName);
        var header = ReadHeader(Body(data, sections[1]), limits);
        var constraints = ReadConstraints(Body(data, sections[2]), header);
        var labels = ReadWireMap(Body(data, sections[3]), header);
        var system = new ConstraintSystem(
            header.PublicOutputs, header.PublicInputs, header.Wires - 1 - header.PublicOutputs - header.PublicInputs, constraints);
        return new CircomR1cs(system, header.PrivateInputs, header.Labels, labels);
    }

    private static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> data, CircomSection section) => data.Slice(section.Offset, section.Length);

    private static Header ReadHeader(ReadOnlySpan<byte> body, CircomReadLimits limits)
    {
        var reader = new CircomSpanReader(body, FileName);
        if (body.Length != HeaderBytes)
        {
            throw reader.Error($"header section is {body.Length} bytes; it must be {HeaderBytes}");
        }

        CircomContainer.ReadBn254Field(ref reader);
        var wires = reader.ReadUInt32("nWires");
        var outputs = reader.ReadUInt32("nPubOut");
        var inputs = reader.ReadUInt32("nPubIn");
        var privateInputs = reader.ReadUInt32("nPrvIn");
        var labels = reader.ReadUInt64("nLabels");
        var constraints = reader.ReadUInt32("mConstraints");
        if (wires < 1 || wires > (uint)limits.MaxWires)
        {
            throw reader.Error($"nWires is {wires}; it must be 1 … {limits.MaxWires}");
        }

        if (1UL + outputs + inputs + privateInputs > wires)
        {
            throw reader.Error($"nPubOut + nPubIn + nPrvIn + 1 = {1UL + outputs + inputs + privateInputs} exceeds nWires = {wires}");
        }

        if (labels < wires)
        {
            throw reader.Error($"nLabels is {labels}, fewer than nWires = {wires}");
        }

        if (constraints > (uint)limits.MaxConstraints)
        {
            throw reader.Error($"mConstraints is {constraints}, over the limit of {limits.MaxConstraints}");
        }

        return new Header((int)wires, (int)outputs, (int)inputs, (int)privateInputs, labels, (int)constraints);
    }

    private static Constraint[] ReadConstraints(ReadOnlySpan<byte> body, Header header)
    {
        var reader = new CircomSpanReader(body, FileName);

        // Each constraint holds three term counts at least: refuse a count the section cannot hold before allocating for it.
        if ((long)header.Constraints * 12 > body.Length)
        {
            throw reader.Error($"mConstraints = {header.Constraints} needs at least {(long)header.Constraints * 12} bytes; the constraints section has {body.Length}");
        }

        var constraints = new Constraint[header.Constraints];
        for (var i = 0; i < constraints.Length; i++)
        {
            var a = ReadCombination(ref reader, header, $"constraint {i} A");
            var b = ReadCombination(ref reader, header, $"constraint {i} B");
            var c = ReadCombination(ref reader, header, $"constraint {i} C");
            constraints[i] = new Constraint(a, b, c);
        }

        if (reader.Remaining != 0)
        {
            throw reader.Error($"{reader.Remaining} bytes follow the last constraint in the constraints section");
        }

        return constraints;
    }

    private static LinearCombination ReadCombination(ref CircomSpanReader reader, Header header, string what)
    {
        var count = reader.ReadUInt32($"{what} term count");
        if (count > (uint)(reader.Remaining / TermBytes) || count > (uint)header.Wires)
        {
            throw reader.Error($"{what} term count {count} exceeds what the section holds ({reader.Remaining / TermBytes}) or nWires ({header.Wires})");
        }

        var terms = new Term[count];
        for (var j = 0; j < count; j++)
        {
            var wire = reader.ReadUInt32($"{what} term {j} wire");
            if (wire >= (uint)header.Wires)
            {
                throw reader.Error($"{what} term {j} wire {wire} is not below nWires = {header.Wires}");
            }

            terms[j] = new Term((int)wire, reader.ReadFieldElement($"{what} term {j} coefficient"));
        }

        // circom writes terms in no promised order: sort, refuse a wire named twice, drop zero coefficients.
        Array.Sort(terms, (x, y) => x.VariableIndex.CompareTo(y.VariableIndex));
        for (var j = 1; j < terms.Length; j++)
        {
            if (terms[j].VariableIndex == terms[j - 1].VariableIndex)
            {
                throw reader.Error($"{what} names wire {terms[j].VariableIndex} twice");
            }
        }

        return LinearCombination.FromCanonicalTerms(Array.FindAll(terms, t => !t.Coefficient.IsZero));
    }

    private static ulong[] ReadWireMap(ReadOnlySpan<byte> body, Header header)
    {
        var reader = new CircomSpanReader(body, FileName);
        if (body.Length != (long)header.Wires * 8)
        {
            throw reader.Error($"wire-to-label section is {body.Length} bytes; nWires = {header.Wires} needs {(long)header.Wires * 8}");
        }

        var labels = new ulong[header.Wires];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadUInt64($"wire {i} label");
            if (labels[i] >= header.Labels)
            {
                throw reader.Error($"wire {i} label {labels[i]} is not below nLabels = {header.Labels}");
            }
        }

        return labels;
    }

    private readonly record struct Header(int Wires, int PublicOutputs, int PublicInputs, int PrivateInputs, ulong Labels, int Constraints);
}
