namespace NexusZero.Groups.Ristretto255;

/// <summary>Digit recodings of a scalar used by the scalar-multiplication algorithms.</summary>
internal partial struct Scalar
{
    /// <summary>
    /// Signed radix-16 digits e₀..e₆₃ with eᵢ ∈ [−8, 8) (e₆₃ ∈ [−8, 8]) and Σ eᵢ·16^i = this.
    /// Constant time: used with secret scalars.
    /// </summary>
    internal readonly void ToRadix16(Span<sbyte> digits)
    {
        ReadOnlySpan<ulong> limbs = [L0, L1, L2, L3];
        for (int i = 0; i < 64; i++)
        {
            digits[i] = (sbyte)((limbs[i >> 4] >> ((i & 15) * 4)) & 15);
        }

        // Recentre each digit into [−8, 8) and push the carry up; arithmetic only, no branches.
        int carry = 0;
        for (int i = 0; i < 63; i++)
        {
            int d = digits[i] + carry;
            carry = (d + 8) >> 4;
            digits[i] = (sbyte)(d - (carry << 4));
        }

        digits[63] = (sbyte)(digits[63] + carry);
    }

    /// <summary>
    /// Width-w non-adjacent form (256 digits, each zero or odd with |d| &lt; 2^(w−1)). Variable time:
    /// public scalars only.
    /// </summary>
    internal readonly void ToNonAdjacentForm(Span<sbyte> naf, int width)
    {
        naf[..256].Clear();
        ReadOnlySpan<ulong> x = [L0, L1, L2, L3, 0];
        ulong windowSize = 1UL << width;
        ulong windowMask = windowSize - 1;
        int pos = 0;
        ulong carry = 0;
        while (pos < 256)
        {
            int index = pos / 64;
            int bit = pos % 64;
            ulong buffer = bit < 64 - width ? x[index] >> bit : (x[index] >> bit) | (x[index + 1] << (64 - bit));
            ulong window = carry + (buffer & windowMask);
            if ((window & 1) == 0)
            {
                pos++;
                continue;
            }

            if (window < windowSize / 2)
            {
                carry = 0;
                naf[pos] = (sbyte)window;
            }
            else
            {
                carry = 1;
                naf[pos] = (sbyte)((long)window - (long)windowSize);
            }

            pos += width;
        }
    }

    /// <summary>Number of signed radix-2^c digits <see cref="ToSignedRadix2W"/> writes.</summary>
    internal static int SignedRadix2WLength(int c) => (256 + c - 1) / c;

    /// <summary>
    /// Signed radix-2^c digits dᵢ ∈ [−2^(c−1), 2^(c−1)] with Σ dᵢ·2^(c·i) = this, for 4 ≤ c ≤ 16.
    /// Variable time: public scalars only (Pippenger buckets).
    /// </summary>
    internal readonly void ToSignedRadix2W(Span<short> digits, int c)
    {
        ReadOnlySpan<ulong> x = [L0, L1, L2, L3];
        int count = SignedRadix2WLength(c);
        ulong mask = (1UL << c) - 1;
        long half = 1L << (c - 1);
        long carry = 0;
        for (int i = 0; i < count; i++)
        {
            int bitPos = i * c;
            int index = bitPos / 64;
            int bit = bitPos % 64;
            ulong buffer = x[index] >> bit;
            if (bit + c > 64 && index < 3)
            {
                buffer |= x[index + 1] << (64 - bit);
            }

            long coefficient = carry + (long)(buffer & mask);
            // Canonical scalars are below 2^253, so the top digit never produces a carry.
            carry = (coefficient + half) >> c;
            digits[i] = (short)(coefficient - (carry << c));
        }
    }
}
