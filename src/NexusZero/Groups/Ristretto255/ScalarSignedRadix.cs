namespace NexusZero.Groups.Ristretto255;

/// <summary>Constant-time signed radix-2^w recoding for fixed-window multiplication with secret scalars.</summary>
internal partial struct Scalar
{
    /// <summary>Number of digits <see cref="ToSignedRadixConstantTime"/> writes for width <paramref name="width"/>: ⌈253 / w⌉.</summary>
    internal static int SignedRadixLength(int width) => (253 + width - 1) / width;

    /// <summary>
    /// Signed radix-2^w digits dᵢ ∈ [−2^(w−1), 2^(w−1)) (the top one in [0, 2^(w−1)]) with
    /// Σ dᵢ·2^(w·i) = this, for 4 ≤ w ≤ 6. Constant time: the window positions are public and the
    /// recentring is arithmetic with no branch on a digit, so secret scalars may pass.
    /// </summary>
    internal readonly void ToSignedRadixConstantTime(Span<sbyte> digits, int width)
    {
        ReadOnlySpan<ulong> x = [L0, L1, L2, L3];
        int count = SignedRadixLength(width);
        ulong mask = (1UL << width) - 1;
        int half = 1 << (width - 1);
        int carry = 0;
        for (int i = 0; i < count; i++)
        {
            int bitPos = i * width;
            int index = bitPos >> 6;
            int bit = bitPos & 63;
            ulong window = x[index] >> bit;
            if (bit + width > 64 && index < 3)
            {
                window |= x[index + 1] << (64 - bit);
            }

            // A canonical scalar is below 2^253, so the top digit stays ≤ 2^(w−1) and needs no carry out.
            int d = (int)(window & mask) + carry;
            carry = (d + half) >> width;
            digits[i] = (sbyte)(d - (carry << width));
        }
    }
}
