namespace NexusZero.Groups.Bn254;

/// <summary>
/// The GLV endomorphism of BN254 (Gallant, Lambert and Vanstone, CRYPTO 2001): φ(x, y) = (β·x, y) with β a
/// primitive cube root of unity in Fp acts on G1 as multiplication by λ, a primitive cube root of unity in Fr, so
/// k·P = k1·P + k2·φ(P) with k = k1 + k2·λ mod r and |k1|, |k2| &lt; 2^127. The twist y² = x³ + b′ carrying G2 has
/// the same automorphism, and there (x, y) ↦ (β²·x, y) is multiplication by the same λ. Pippenger runs on twice the
/// points with half-length scalars, which halves its windows.
/// <para>
/// The decomposition rounds (k·b2/r, k·|b1|/r) against the lattice basis v1 = (6x² + 2x, −(2x + 1)),
/// v2 = (2x + 1, 6x² + 4x + 1) of {(a, b) : a + b·λ ≡ 0 mod r} (x the BN parameter, determinant r), with the
/// divisions by r replaced by multiplications by ⌊2^256·b2/r⌋ and ⌊2^256·(2x + 1)/r⌋; the rounding error of
/// those floors keeps the halves below 2^127 (checked by the tests on random and edge scalars). The scalars
/// may be secret: the arithmetic is fixed-width limb and UInt128 arithmetic with no branch on the value and no
/// BigInteger; the signs come out as masks.
/// </para>
/// </summary>
internal static class Bn254Endomorphism
{
    /// <summary>β = 0x30644e72…607cfd48, the cube root of unity in Fp for which φ is multiplication by <see cref="Lambda"/>.</summary>
    public static readonly Fp Beta = Fp.FromCanonical(new Limbs256(0xe4bd44e5607cfd48UL, 0xc28f069fbb966e3dUL, 0x5e6dd9e7e0acccb0UL, 0x30644e72e131a029UL));

    /// <summary>β², for which (x, y) ↦ (β²·x, y) is multiplication by <see cref="Lambda"/> on G2.</summary>
    public static readonly Fp BetaSquared = Beta * Beta;

    /// <summary>λ = 0x30644e72…36636f23, a cube root of unity in Fr: λ·P = φ(P) on G1.</summary>
    public static readonly Fr Lambda = Fr.FromCanonical(new Limbs256(0xb8ca0b2d36636f23UL, 0xcc37a73fec2bc5e9UL, 0x048b6e193fd84104UL, 0x30644e72e131a029UL));

    /// <summary>2x + 1 (64 bits): |b1| and a2 of the basis.</summary>
    internal static readonly ulong TwoXPlusOne = (2 * MillerLoop.X) + 1;

    /// <summary>6x² + 2x (127 bits): a1 of the basis.</summary>
    internal static readonly UInt128 A1 = (6 * (UInt128)MillerLoop.X * MillerLoop.X) + (2 * (UInt128)MillerLoop.X);

    /// <summary>6x² + 4x + 1 (127 bits): b2 of the basis.</summary>
    internal static readonly UInt128 B2 = A1 + TwoXPlusOne;

    /// <summary>⌊2^256·b2/r⌋, 130 bits, as three limbs.</summary>
    private static readonly Limbs256 RoundingB2 = new(0x5398fd0300ff6565UL, 0x4ccef014a773d2d2UL, 0x2UL, 0);

    /// <summary>⌊2^256·(2x + 1)/r⌋, 66 bits, as two limbs.</summary>
    private static readonly Limbs256 RoundingTwoXPlusOne = new(0xd91d232ec7e0b3d7UL, 0x2UL, 0, 0);

    /// <summary>
    /// k = k1 + k2·λ mod r for a canonical k &lt; r: the magnitudes of k1 and k2 (each below 2^127) and their signs
    /// as masks (all ones for a negative half).
    /// </summary>
    public static void Decompose(in Limbs256 k, out UInt128 k1, out UInt128 negative1, out UInt128 k2, out UInt128 negative2)
    {
        var c1 = MultiplyHigh(k, RoundingB2);
        var c2 = MultiplyHigh(k, RoundingTwoXPlusOne);

        // The true halves are below 2^127 in magnitude, so arithmetic modulo 2^128 read as signed gives them exactly.
        var low = ((UInt128)k.L1 << 64) | k.L0;
        var signed1 = low - (c1 * A1) - (c2 * TwoXPlusOne);
        var signed2 = (c1 * TwoXPlusOne) - (c2 * B2);
        negative1 = SignMask(signed1);
        negative2 = SignMask(signed2);
        k1 = (signed1 ^ negative1) - negative1;
        k2 = (signed2 ^ negative2) - negative2;
    }

    /// <summary>All ones when the top bit is set, else zero.</summary>
    private static UInt128 SignMask(UInt128 value) => (UInt128)0 - (value >> 127);

    /// <summary>⌊a·b / 2^256⌋ mod 2^128 for 256-bit a and b: schoolbook over 64-bit limbs, fixed work.</summary>
    private static UInt128 MultiplyHigh(in Limbs256 a, in Limbs256 b)
    {
        Span<ulong> product = stackalloc ulong[8];
        Span<ulong> x = [a.L0, a.L1, a.L2, a.L3];
        Span<ulong> y = [b.L0, b.L1, b.L2, b.L3];
        for (var i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (var j = 0; j < 4; j++)
            {
                var sum = Math.BigMul(x[i], y[j]) + product[i + j] + carry;
                product[i + j] = (ulong)sum;
                carry = (ulong)(sum >> 64);
            }

            product[i + 4] = carry;
        }

        var result = ((UInt128)product[5] << 64) | product[4];
        product.Clear();
        x.Clear();
        return result;
    }
}
