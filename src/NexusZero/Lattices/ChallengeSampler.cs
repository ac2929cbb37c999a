namespace NexusZero.Lattices;

/// <summary>
/// SampleInBall of FIPS 204 (Algorithm 29): a polynomial with exactly τ coefficients ±1 and the rest 0,
/// derived from the commitment hash c̃ with SHAKE256. c̃ is public once a signature is released.
/// </summary>
internal static class ChallengeSampler
{
    /// <summary>Fills <paramref name="destination"/> with SampleInBall(c̃) of weight <paramref name="tau"/>.</summary>
    public static void Sample(ReadOnlySpan<byte> commitmentHash, int tau, Span<int> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tau);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tau, 64);
        destination.Clear();
        using Shake shake = Shake.Create256();
        shake.Absorb(commitmentHash);
        Span<byte> signBytes = stackalloc byte[8];
        shake.Squeeze(signBytes);
        ulong signs = BitConverter.ToUInt64(signBytes);
        Span<byte> one = stackalloc byte[1];
        for (int i = Polynomial.N - tau; i < Polynomial.N; i++)
        {
            int j;
            do
            {
                shake.Squeeze(one);
                j = one[0];
            }
            while (j > i);

            destination[i] = destination[j];
            destination[j] = 1 - (2 * (int)(signs & 1));
            signs >>= 1;
        }
    }
}
