namespace NexusZero.Circuits.Circom;

/// <summary>
/// Writes a <see cref="ConstraintSystem"/> as an iden3 .r1cs file, version 1 (docs/formats.md): sections
/// 1, 2, 3 in that order, coefficients in canonical little-endian form, the identity wire-to-label map.
/// </summary>
public static class CircomR1csWriter
{
    /// <summary>Encodes the system.</summary>
    /// <param name="system">The constraints.</param>
    /// <param name="privateInputCount">How many private wires to declare as private inputs (nPrvIn).</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The private input count exceeds the private wires.</exception>
    public static byte[] Write(ConstraintSystem system, int privateInputCount = 0)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfNegative(privateInputCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(privateInputCount, system.PrivateCount);

        var header = new CircomSpanWriter();
        CircomContainer.WriteBn254Field(header);
        header.WriteUInt32((uint)system.VariableCount);
        header.WriteUInt32((uint)system.PublicOutputCount);
        header.WriteUInt32((uint)system.PublicInputCount);
        header.WriteUInt32((uint)privateInputCount);
        header.WriteUInt64((ulong)system.VariableCount);
        header.WriteUInt32((uint)system.ConstraintCount);

        var constraints = new CircomSpanWriter();
        foreach (var constraint in system.Constraints)
        {
            foreach (var lc in (ReadOnlySpan<LinearCombination>)[constraint.A, constraint.B, constraint.C])
            {
                constraints.WriteUInt32((uint)lc.TermCount);
                foreach (var term in lc.Terms)
                {
                    constraints.WriteUInt32((uint)term.VariableIndex);
                    constraints.WriteFieldElement(term.Coefficient);
                }
            }
        }

        var map = new CircomSpanWriter();
        for (var i = 0; i < system.VariableCount; i++)
        {
            map.WriteUInt64((ulong)i);
        }

        var file = new CircomSpanWriter();
        file.WriteBytes("r1cs"u8);
        file.WriteUInt32(1);
        file.WriteUInt32(3);
        file.WriteSection(1, header);
        file.WriteSection(2, constraints);
        file.WriteSection(3, map);
        return file.ToArray();
    }
}
