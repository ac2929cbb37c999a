namespace NexusZero.Lattices;

/// <summary>
/// RejNTTPoly and ExpandA of FIPS 204 (Algorithms 30 and 32): uniform polynomials in the NTT domain from
/// SHAKE128, by rejection of 23-bit candidates ≥ q. Inputs are public seeds, so variable time is fine.
/// </summary>
internal static class UniformSampler
{
    // Five SHAKE128 blocks give 280 candidates; 256 accepted ones are needed and each candidate is
    // accepted with probability q/2^23 ≈ 0.999, so a sixth block is almost never squeezed.
    private const int InitialBlocks = 5;

    /// <summary>Â[r][s] = RejNTTPoly(ρ ‖ s ‖ r) for every entry: the matrix expanded from the 32-byte seed ρ.</summary>
    public static PolynomialMatrix ExpandA(ReadOnlySpan<byte> rho, int rows, int columns)
    {
        var matrix = new PolynomialMatrix(rows, columns);
        using Shake shake = Shake.Create128();
        Span<byte> seed = stackalloc byte[rho.Length + 2];
        rho.CopyTo(seed);
        for (int r = 0; r < rows; r++)
        {
            for (int s = 0; s < columns; s++)
            {
                seed[^2] = (byte)s;
                seed[^1] = (byte)r;
                shake.Reset();
                shake.Absorb(seed);
                RejectionSample(shake, matrix[r, s]);
            }
        }

        return matrix;
    }

    /// <summary>Fills <paramref name="destination"/> with uniform coefficients in [0, q) squeezed from <paramref name="shake"/>.</summary>
    public static void RejectionSample(Shake shake, Span<int> destination)
    {
        Span<byte> buffer = stackalloc byte[InitialBlocks * Shake.Shake128Rate];
        shake.Squeeze(buffer);
        int count = Fill(buffer, destination, 0);
        Span<byte> block = buffer[..Shake.Shake128Rate];
        while (count < Polynomial.N)
        {
            shake.Squeeze(block);
            count = Fill(block, destination, count);
        }
    }

    private static int Fill(ReadOnlySpan<byte> bytes, Span<int> destination, int count)
    {
        for (int position = 0; position + 3 <= bytes.Length && count < Polynomial.N; position += 3)
        {
            int candidate = bytes[position] | (bytes[position + 1] << 8) | ((bytes[position + 2] & 0x7F) << 16);
            if (candidate < Zq.Q)
            {
                destination[count++] = candidate;
            }
        }

        return count;
    }
}
