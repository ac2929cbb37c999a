using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An integer modulo ℓ = 2^252 + 27742317777372353535851937790883648493 (the order of ristretto255),
/// as four little-endian 64-bit limbs, always fully reduced (&lt; ℓ).
/// </summary>
/// <remarks>
/// <para>All arithmetic is constant time (Montgomery multiplication with R = 2^256 on fixed limbs, masks
/// instead of branches), so scalars may be secrets. Only <see cref="ToNonAdjacentForm"/> and
/// <see cref="ToSignedRadix2W"/> are variable time and must only see public scalars.</para>
/// <para>Internal fast API for protocol code (e.g. Bulletproofs): value type, no allocation; call
/// <see cref="Clear"/> on secret copies when done.</para>
/// </remarks>
[SkipLocalsInit]
internal partial struct Scalar
{
    /// <summary>Length of the canonical encoding.</summary>
    internal const int EncodedLength = 32;

    // ℓ in 64-bit limbs, little-endian.
    private const ulong Ell0 = 0x5812631a5cf5d3ed;
    private const ulong Ell1 = 0x14def9dea2f79cd6;
    private const ulong Ell2 = 0;
    private const ulong Ell3 = 0x1000000000000000;

    // −ℓ⁻¹ mod 2^64, for Montgomery reduction.
    private const ulong MontgomeryFactor = 0xd2b51da312547e1b;

    internal ulong L0;
    internal ulong L1;
    internal ulong L2;
    internal ulong L3;

    internal Scalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>0.</summary>
    internal static Scalar Zero => default;

    /// <summary>1.</summary>
    internal static Scalar One => new(1, 0, 0, 0);

    /// <summary>R mod ℓ (the Montgomery form of 1).</summary>
    private static Scalar RModEll => new(0xd6ec31748d98951d, 0xc6ef5bf4737dcf70, 0xfffffffffffffffe, 0x0fffffffffffffff);

    /// <summary>R² mod ℓ.</summary>
    private static Scalar RSquaredModEll => new(0xa40611e3449c0f01, 0xd00e1ba768859347, 0xceec73d217f5be65, 0x0399411b7c309a3d);

    /// <summary>A small non-negative integer as a scalar.</summary>
    internal static Scalar FromUInt64(ulong value) => new(value, 0, 0, 0);

    /// <summary>
    /// Decodes 32 little-endian bytes; returns 1 when the value is canonical (&lt; ℓ), else 0 (and the
    /// scalar is zero). Constant time in the value.
    /// </summary>
    internal static ulong TryFromCanonicalBytes(ReadOnlySpan<byte> bytes, out Scalar scalar)
    {
        var s = ReadRaw(bytes);
        SubtractWithBorrow(s, out ulong borrow);
        ulong ok = borrow; // s − ℓ borrowed exactly when s < ℓ
        ulong m = 0 - ok;
        scalar = new Scalar(s.L0 & m, s.L1 & m, s.L2 & m, s.L3 & m);
        return ok;
    }

    /// <summary>Reduces 32 little-endian bytes (any value below 2^256) modulo ℓ.</summary>
    internal static Scalar FromBytesModOrder(ReadOnlySpan<byte> bytes) => MontgomeryMultiply(ReadRaw(bytes), RModEll);

    /// <summary>Reduces 64 little-endian bytes (a 512-bit integer) modulo ℓ.</summary>
    internal static Scalar FromBytesModOrderWide(ReadOnlySpan<byte> bytes)
    {
        // x = lo + hi·2^256 ≡ MontMul(lo, R) + MontMul(hi, R²)  (mod ℓ), since MontMul(a, b) = a·b/R.
        var lo = MontgomeryMultiply(ReadRaw(bytes[..32]), RModEll);
        var hi = MontgomeryMultiply(ReadRaw(bytes[32..64]), RSquaredModEll);
        return lo + hi;
    }

    /// <summary>Writes the canonical 32-byte little-endian encoding.</summary>
    internal readonly void Encode(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, L0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], L1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], L2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], L3);
    }

    /// <summary>1 when zero, else 0 (constant time).</summary>
    internal readonly ulong IsZero()
    {
        ulong x = L0 | L1 | L2 | L3;
        return ((x | (0 - x)) >> 63) ^ 1;
    }

    /// <summary>1 when equal, else 0 (constant time).</summary>
    internal static ulong ConstantTimeEquals(in Scalar a, in Scalar b)
    {
        ulong x = (a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3);
        return ((x | (0 - x)) >> 63) ^ 1;
    }

    /// <summary>b when <paramref name="choice"/> is 1, a when 0 (no branch).</summary>
    internal static Scalar Select(in Scalar a, in Scalar b, ulong choice)
    {
        ulong m = 0 - choice;
        return new Scalar(
            a.L0 ^ (m & (a.L0 ^ b.L0)),
            a.L1 ^ (m & (a.L1 ^ b.L1)),
            a.L2 ^ (m & (a.L2 ^ b.L2)),
            a.L3 ^ (m & (a.L3 ^ b.L3)));
    }

    /// <summary>Zeroes the limbs (for secret copies).</summary>
    internal void Clear()
    {
        L0 = 0;
        L1 = 0;
        L2 = 0;
        L3 = 0;
    }

    private static Scalar ReadRaw(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..32]));

    /// <summary>s − ℓ over 256 bits; <paramref name="borrow"/> is 1 when s &lt; ℓ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Scalar SubtractWithBorrow(in Scalar s, out ulong borrow)
    {
        ulong b;
        ulong r0 = Sbb(s.L0, Ell0, 0, out b);
        ulong r1 = Sbb(s.L1, Ell1, b, out b);
        ulong r2 = Sbb(s.L2, Ell2, b, out b);
        ulong r3 = Sbb(s.L3, Ell3, b, out b);
        borrow = b;
        return new Scalar(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sbb(ulong a, ulong b, ulong borrowIn, out ulong borrowOut)
    {
        ulong d = a - b - borrowIn;
        // Borrow out of a − b − c, computed from the top bits without a comparison branch.
        borrowOut = ((~a & b) | (~(a ^ b) & d)) >> 63;
        return d;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Adc(ulong a, ulong b, ulong carryIn, out ulong carryOut)
    {
        ulong s = a + b + carryIn;
        carryOut = ((a & b) | ((a | b) & ~s)) >> 63;
        return s;
    }

    /// <summary>Returns r − ℓ when r ≥ ℓ, else r, for r &lt; 2ℓ (no branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Scalar ReduceOnce(in Scalar r)
    {
        var d = SubtractWithBorrow(r, out ulong borrow);
        return Select(d, r, borrow);
    }

    /// <summary>a + b mod ℓ.</summary>
    public static Scalar operator +(in Scalar a, in Scalar b)
    {
        ulong c;
        ulong r0 = Adc(a.L0, b.L0, 0, out c);
        ulong r1 = Adc(a.L1, b.L1, c, out c);
        ulong r2 = Adc(a.L2, b.L2, c, out c);
        ulong r3 = Adc(a.L3, b.L3, c, out _);
        // a, b < ℓ < 2^253, so the sum fits in 254 bits and one conditional subtraction suffices.
        return ReduceOnce(new Scalar(r0, r1, r2, r3));
    }

    /// <summary>a − b mod ℓ.</summary>
    public static Scalar operator -(in Scalar a, in Scalar b)
    {
        ulong borrow;
        ulong r0 = Sbb(a.L0, b.L0, 0, out borrow);
        ulong r1 = Sbb(a.L1, b.L1, borrow, out borrow);
        ulong r2 = Sbb(a.L2, b.L2, borrow, out borrow);
        ulong r3 = Sbb(a.L3, b.L3, borrow, out borrow);
        ulong m = 0 - borrow;
        ulong c;
        r0 = Adc(r0, Ell0 & m, 0, out c);
        r1 = Adc(r1, Ell1 & m, c, out c);
        r2 = Adc(r2, Ell2 & m, c, out c);
        r3 = Adc(r3, Ell3 & m, c, out _);
        return new Scalar(r0, r1, r2, r3);
    }

    /// <summary>−a mod ℓ.</summary>
    public static Scalar operator -(in Scalar a) => Zero - a;

    /// <summary>a · b mod ℓ.</summary>
    public static Scalar operator *(in Scalar a, in Scalar b) =>
        MontgomeryMultiply(MontgomeryMultiply(a, b), RSquaredModEll);

    /// <summary>this² mod ℓ.</summary>
    internal readonly Scalar Square() => this * this;

    /// <summary>
    /// this⁻¹ mod ℓ by Fermat (this^(ℓ−2)); zero maps to zero. The exponent is public, so the
    /// square-and-multiply schedule is fixed and constant time in the scalar.
    /// </summary>
    internal readonly Scalar Invert()
    {
        // Work in Montgomery form: x̃ = x·R; MontMul(x̃, ỹ) = (x·y)~.
        var xm = MontgomeryMultiply(this, RSquaredModEll);
        // Precompute x̃^0 .. x̃^15 for a 4-bit fixed window.
        Span<Scalar> powers = stackalloc Scalar[16];
        powers[0] = RModEll;
        for (int i = 1; i < 16; i++)
        {
            powers[i] = MontgomeryMultiply(powers[i - 1], xm);
        }

        // ℓ − 2, processed 4 bits at a time from the top; the window index is public.
        ReadOnlySpan<ulong> e = [Ell0 - 2, Ell1, Ell2, Ell3];
        var acc = RModEll;
        for (int limb = 3; limb >= 0; limb--)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                acc = MontgomeryMultiply(acc, acc);
                acc = MontgomeryMultiply(acc, acc);
                acc = MontgomeryMultiply(acc, acc);
                acc = MontgomeryMultiply(acc, acc);
                int window = (int)((e[limb] >> shift) & 15);
                acc = MontgomeryMultiply(acc, powers[window]);
            }
        }

        powers.Clear();
        xm.Clear();
        return MontgomeryMultiply(acc, One);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        // a·b + c + d < 2^128, so this never overflows.
        ulong hi = Math.BigMul(a, b, out ulong l);
        l = Adc(l, c, 0, out ulong c1);
        lo = Adc(l, d, 0, out ulong c2);
        return hi + c1 + c2;
    }

    /// <summary>a·b·R⁻¹ mod ℓ for a &lt; 2^256 and b &lt; ℓ (CIOS Montgomery multiplication).</summary>
    internal static Scalar MontgomeryMultiply(in Scalar a, in Scalar b)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        ReadOnlySpan<ulong> aw = [a.L0, a.L1, a.L2, a.L3];
        for (int i = 0; i < 4; i++)
        {
            ulong ai = aw[i];
            ulong c = MulAdd(ai, b.L0, t0, 0, out t0);
            c = MulAdd(ai, b.L1, t1, c, out t1);
            c = MulAdd(ai, b.L2, t2, c, out t2);
            c = MulAdd(ai, b.L3, t3, c, out t3);
            t4 += c;

            ulong m = t0 * MontgomeryFactor;
            c = MulAdd(m, Ell0, t0, 0, out _);
            c = MulAdd(m, Ell1, t1, c, out t0);
            c = MulAdd(m, Ell2, t2, c, out t1);
            c = MulAdd(m, Ell3, t3, c, out t2);
            t3 = Adc(t4, c, 0, out t4);
        }

        // t < 2ℓ < 2^254 here, so t4 is zero and one conditional subtraction reduces it.
        return ReduceOnce(new Scalar(t0, t1, t2, t3));
    }
}
