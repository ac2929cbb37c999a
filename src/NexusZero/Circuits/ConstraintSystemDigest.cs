using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NexusZero.Circuits;

/// <summary>
/// The canonical byte encoding behind <see cref="ConstraintSystem.ComputeDigest"/>, hashed as it is
/// produced. Layout (docs/formats.md, "R1CS digest"): the ASCII tag, four little-endian u32 counts,
/// then per constraint A, B, C each as a u32 term count and (u32 wire, 32-byte little-endian coefficient) terms.
/// </summary>
internal static class ConstraintSystemDigest
{
    /// <summary>Domain separation; the version moves if the encoding ever changes.</summary>
    public static ReadOnlySpan<byte> Tag => "NexusZero.R1CS.v1"u8;

    public static byte[] Compute(ConstraintSystem system)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Tag);
        AppendUInt32(hash, system.VariableCount);
        AppendUInt32(hash, system.PublicOutputCount);
        AppendUInt32(hash, system.PublicInputCount);
        AppendUInt32(hash, system.ConstraintCount);
        Span<byte> coefficient = stackalloc byte[FieldElement.ByteLength];
        foreach (var constraint in system.Constraints)
        {
            foreach (var lc in (ReadOnlySpan<LinearCombination>)[constraint.A, constraint.B, constraint.C])
            {
                AppendUInt32(hash, lc.TermCount);
                foreach (var term in lc.Terms)
                {
                    AppendUInt32(hash, term.VariableIndex);
                    term.Coefficient.WriteLittleEndian(coefficient);
                    hash.AppendData(coefficient);
                }
            }
        }

        return hash.GetHashAndReset();
    }

    private static void AppendUInt32(IncrementalHash hash, int value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)value);
        hash.AppendData(word);
    }
}
