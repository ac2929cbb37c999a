using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Full-width coefficient encodings for NexusZero's lattice formats: elements of [0, q) as 23-bit
/// little-endian fields (736 bytes per polynomial), strictly decoded (a field ≥ q is refused).
/// </summary>
internal static class LatticeCoefficientPacking
{
    /// <summary>Bits per coefficient of Z_q.</summary>
    public const int Bits = 23;

    /// <summary>Bytes per polynomial.</summary>
    public const int PolynomialBytes = 32 * Bits;

    /// <summary>Packs a vector with coefficients in [0, q).</summary>
    public static void Pack(PolynomialVector vector, Span<byte> destination)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            BitPacking.Pack(vector[i], Bits, destination.Slice(i * PolynomialBytes, PolynomialBytes));
        }
    }

    /// <summary>Unpacks a vector; false when a coefficient is ≥ q.</summary>
    public static bool TryUnpack(ReadOnlySpan<byte> source, PolynomialVector vector)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            Span<int> target = vector[i];
            BitPacking.Unpack(source.Slice(i * PolynomialBytes, PolynomialBytes), Bits, target);
            foreach (int coefficient in target)
            {
                if (coefficient >= Zq.Q)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
