namespace NexusZero.Lattices;

/// <summary>
/// ExpandMask of FIPS 204 (Algorithm 34): the masking polynomial y with coefficients in
/// [−γ1 + 1, γ1] for γ1 = 2^17 or 2^19, from SHAKE256(ρ″ ‖ IntegerToBytes(κ, 2)). Fixed work per
/// polynomial, no rejection.
/// </summary>
internal static class MaskSampler
{
    /// <summary>Fills <paramref name="destination"/> with the mask for seed ρ″ and counter κ.</summary>
    public static void Sample(ReadOnlySpan<byte> seed, ushort kappa, int gamma1Bits, Span<int> destination)
    {
        int bits = gamma1Bits + 1;
        int gamma1 = 1 << gamma1Bits;
        Span<byte> bytes = stackalloc byte[32 * bits];
        try
        {
            using Shake shake = Shake.Create256();
            shake.Absorb(seed);
            Span<byte> suffix = [(byte)kappa, (byte)(kappa >> 8)];
            shake.Absorb(suffix);
            shake.Squeeze(bytes);
            BitPacking.Unpack(bytes, bits, destination);
            for (int i = 0; i < Polynomial.N; i++)
            {
                destination[i] = gamma1 - destination[i];
            }
        }
        finally
        {
            bytes.Clear();
        }
    }
}
