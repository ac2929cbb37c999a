namespace NexusZero.Lattices;

/// <summary>
/// RejBoundedPoly and ExpandS of FIPS 204 (Algorithms 31 and 33): secret polynomials with coefficients
/// in [−η, η] for η ∈ {2, 4}, from SHAKE256 half-bytes.
/// </summary>
/// <remarks>
/// The seed is secret. Which half-bytes are rejected depends only on the rejected values themselves,
/// which are independent of the accepted ones, so the loop's timing reveals nothing about the
/// coefficients kept; mapping an accepted half-byte to a coefficient is branch-free.
/// </remarks>
internal static class BoundedSampler
{
    /// <summary>Fills <paramref name="destination"/> = RejBoundedPoly(seed ‖ IntegerToBytes(nonce, 2)).</summary>
    public static void Sample(ReadOnlySpan<byte> seed, ushort nonce, int eta, Span<int> destination)
    {
        if (eta != 2 && eta != 4)
        {
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "η must be 2 or 4.");
        }

        using Shake shake = Shake.Create256();
        shake.Absorb(seed);
        Span<byte> suffix = [(byte)nonce, (byte)(nonce >> 8)];
        shake.Absorb(suffix);
        Span<byte> block = stackalloc byte[Shake.Shake256Rate];
        int count = 0;
        try
        {
            while (count < Polynomial.N)
            {
                shake.Squeeze(block);
                for (int i = 0; i < block.Length && count < Polynomial.N; i++)
                {
                    count = Accept(block[i] & 0x0F, eta, destination, count);
                    if (count < Polynomial.N)
                    {
                        count = Accept(block[i] >> 4, eta, destination, count);
                    }
                }
            }
        }
        finally
        {
            block.Clear();
        }
    }

    private static int Accept(int halfByte, int eta, Span<int> destination, int count)
    {
        if (eta == 2)
        {
            if (halfByte < 15)
            {
                // halfByte mod 5 without division: 205/1024 ≈ 1/5 is exact for 0 ≤ halfByte < 15.
                int reduced = halfByte - (((205 * halfByte) >> 10) * 5);
                destination[count++] = 2 - reduced;
            }
        }
        else if (halfByte < 9)
        {
            destination[count++] = 4 - halfByte;
        }

        return count;
    }
}
