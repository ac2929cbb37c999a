using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>
/// A 256-bit value as eight little-endian 32-bit limbs, with the same bytes as the core's four 64-bit limbs, so
/// spans of field elements and points cross to the device by reinterpretation, without conversion.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceLimbs
{
    public uint L0, L1, L2, L3, L4, L5, L6, L7;
}

/// <summary>A Montgomery modulus as the kernels take it: m, −m⁻¹ mod 2^32, and 1 in Montgomery form (2^256 mod m).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceModulus
{
    public DeviceLimbs P;
    public DeviceLimbs One;
    public uint NegativeInverse;
}

/// <summary>
/// Modular arithmetic for the kernels on 32-bit limbs with 64-bit products. ILGPU 1.5 has no 64×64→128 multiply-high
/// intrinsic (Math.BigMul is not mapped to PTX's mul.hi.u64), while (ulong)x·y of two uints compiles to one
/// mul.wide.u32 and the carries ride in the product's high half, so 32-bit limbs give the shortest code; a 64-bit limb
/// product built from four such multiplies would cost the same and add carry handling. The code is unrolled so that
/// every limb stays in a register, and branch-free: reductions are masked selections, never branches on values.
/// Results equal the CPU's (values are fully reduced, and Montgomery form with R = 2^256 is the same on either limb size).
/// </summary>
internal static class DeviceArithmetic
{
    /// <summary>(a + b) mod m for a, b &lt; m &lt; 2^255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Add(in DeviceLimbs a, in DeviceLimbs b, in DeviceModulus m)
    {
        DeviceLimbs sum;
        ulong c = 0;
        c += (ulong)a.L0 + b.L0;
        sum.L0 = (uint)c;
        c >>= 32;
        c += (ulong)a.L1 + b.L1;
        sum.L1 = (uint)c;
        c >>= 32;
        c += (ulong)a.L2 + b.L2;
        sum.L2 = (uint)c;
        c >>= 32;
        c += (ulong)a.L3 + b.L3;
        sum.L3 = (uint)c;
        c >>= 32;
        c += (ulong)a.L4 + b.L4;
        sum.L4 = (uint)c;
        c >>= 32;
        c += (ulong)a.L5 + b.L5;
        sum.L5 = (uint)c;
        c >>= 32;
        c += (ulong)a.L6 + b.L6;
        sum.L6 = (uint)c;
        c >>= 32;
        c += (ulong)a.L7 + b.L7;
        sum.L7 = (uint)c;
        c >>= 32;
        return ReduceOnce(sum, m);
    }

    /// <summary>(a − b) mod m for a, b &lt; m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Subtract(in DeviceLimbs a, in DeviceLimbs b, in DeviceModulus m)
    {
        DeviceLimbs d;
        ulong borrow = 0;
        var d0 = (ulong)a.L0 - b.L0 - borrow;
        d.L0 = (uint)d0;
        borrow = d0 >> 63;
        var d1 = (ulong)a.L1 - b.L1 - borrow;
        d.L1 = (uint)d1;
        borrow = d1 >> 63;
        var d2 = (ulong)a.L2 - b.L2 - borrow;
        d.L2 = (uint)d2;
        borrow = d2 >> 63;
        var d3 = (ulong)a.L3 - b.L3 - borrow;
        d.L3 = (uint)d3;
        borrow = d3 >> 63;
        var d4 = (ulong)a.L4 - b.L4 - borrow;
        d.L4 = (uint)d4;
        borrow = d4 >> 63;
        var d5 = (ulong)a.L5 - b.L5 - borrow;
        d.L5 = (uint)d5;
        borrow = d5 >> 63;
        var d6 = (ulong)a.L6 - b.L6 - borrow;
        d.L6 = (uint)d6;
        borrow = d6 >> 63;
        var d7 = (ulong)a.L7 - b.L7 - borrow;
        d.L7 = (uint)d7;
        borrow = d7 >> 63;
        var mask = 0u - (uint)borrow;
        DeviceLimbs r;
        ulong c = 0;
        c += (ulong)d.L0 + (m.P.L0 & mask);
        r.L0 = (uint)c;
        c >>= 32;
        c += (ulong)d.L1 + (m.P.L1 & mask);
        r.L1 = (uint)c;
        c >>= 32;
        c += (ulong)d.L2 + (m.P.L2 & mask);
        r.L2 = (uint)c;
        c >>= 32;
        c += (ulong)d.L3 + (m.P.L3 & mask);
        r.L3 = (uint)c;
        c >>= 32;
        c += (ulong)d.L4 + (m.P.L4 & mask);
        r.L4 = (uint)c;
        c >>= 32;
        c += (ulong)d.L5 + (m.P.L5 & mask);
        r.L5 = (uint)c;
        c >>= 32;
        c += (ulong)d.L6 + (m.P.L6 & mask);
        r.L6 = (uint)c;
        c >>= 32;
        c += (ulong)d.L7 + (m.P.L7 & mask);
        r.L7 = (uint)c;
        c >>= 32;
        return r;
    }

    /// <summary>−a mod m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Negate(in DeviceLimbs a, in DeviceModulus m) => Subtract(default, a, m);

    /// <summary>2a mod m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Double(in DeviceLimbs a, in DeviceModulus m) => Add(a, a, m);

    /// <summary>v − m when v ≥ m, else v, for v &lt; 2m (no top carry, since m &lt; 2^255).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DeviceLimbs ReduceOnce(in DeviceLimbs v, in DeviceModulus m) => ReduceOnce(v, 0, m);

    /// <summary>(top·2^256 + v) − m when that is not negative, else v; the caller guarantees the value is below 2m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DeviceLimbs ReduceOnce(in DeviceLimbs v, uint top, in DeviceModulus m)
    {
        DeviceLimbs d;
        ulong borrow = 0;
        var d0 = (ulong)v.L0 - m.P.L0 - borrow;
        d.L0 = (uint)d0;
        borrow = d0 >> 63;
        var d1 = (ulong)v.L1 - m.P.L1 - borrow;
        d.L1 = (uint)d1;
        borrow = d1 >> 63;
        var d2 = (ulong)v.L2 - m.P.L2 - borrow;
        d.L2 = (uint)d2;
        borrow = d2 >> 63;
        var d3 = (ulong)v.L3 - m.P.L3 - borrow;
        d.L3 = (uint)d3;
        borrow = d3 >> 63;
        var d4 = (ulong)v.L4 - m.P.L4 - borrow;
        d.L4 = (uint)d4;
        borrow = d4 >> 63;
        var d5 = (ulong)v.L5 - m.P.L5 - borrow;
        d.L5 = (uint)d5;
        borrow = d5 >> 63;
        var d6 = (ulong)v.L6 - m.P.L6 - borrow;
        d.L6 = (uint)d6;
        borrow = d6 >> 63;
        var d7 = (ulong)v.L7 - m.P.L7 - borrow;
        d.L7 = (uint)d7;
        borrow = d7 >> 63;

        // Keep v only when the subtraction borrowed out of the full (top, v) value.
        var keep = (uint)borrow & (((top | (0u - top)) >> 31) ^ 1u);
        return Select(d, v, 0u - keep);
    }

    /// <summary><paramref name="b"/> where <paramref name="mask"/> is all ones, <paramref name="a"/> where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Select(in DeviceLimbs a, in DeviceLimbs b, uint mask)
    {
        DeviceLimbs r;
        r.L0 = a.L0 ^ ((a.L0 ^ b.L0) & mask);
        r.L1 = a.L1 ^ ((a.L1 ^ b.L1) & mask);
        r.L2 = a.L2 ^ ((a.L2 ^ b.L2) & mask);
        r.L3 = a.L3 ^ ((a.L3 ^ b.L3) & mask);
        r.L4 = a.L4 ^ ((a.L4 ^ b.L4) & mask);
        r.L5 = a.L5 ^ ((a.L5 ^ b.L5) & mask);
        r.L6 = a.L6 ^ ((a.L6 ^ b.L6) & mask);
        r.L7 = a.L7 ^ ((a.L7 ^ b.L7) & mask);
        return r;
    }

    /// <summary>True when every limb is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(in DeviceLimbs a) => (a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5 | a.L6 | a.L7) == 0;

    /// <summary>
    /// a·b·2^−256 mod m by CIOS (Koç, Acar, Kaliski 1996) on 32-bit limbs: each round adds a·bᵢ, then q·m with
    /// q = t₀·(−m⁻¹) so the low limb vanishes, and shifts one limb. Every partial sum x·y + t + carry is at most 2^64 − 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DeviceLimbs Multiply(in DeviceLimbs a, in DeviceLimbs b, in DeviceModulus m)
    {
        uint t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0, t9 = 0;
        ulong v;
        uint q;

        // Round 0.
        v = ((ulong)a.L0 * b.L0) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L0) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L0) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L0) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L0) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L0) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L0) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L0) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 1.
        v = ((ulong)a.L0 * b.L1) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L1) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L1) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L1) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L1) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L1) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L1) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L1) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 2.
        v = ((ulong)a.L0 * b.L2) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L2) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L2) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L2) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L2) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L2) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L2) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L2) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 3.
        v = ((ulong)a.L0 * b.L3) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L3) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L3) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L3) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L3) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L3) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L3) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L3) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 4.
        v = ((ulong)a.L0 * b.L4) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L4) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L4) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L4) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L4) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L4) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L4) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L4) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 5.
        v = ((ulong)a.L0 * b.L5) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L5) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L5) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L5) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L5) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L5) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L5) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L5) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 6.
        v = ((ulong)a.L0 * b.L6) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L6) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L6) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L6) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L6) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L6) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L6) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L6) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        // Round 7.
        v = ((ulong)a.L0 * b.L7) + t0;
        t0 = (uint)v;
        v = ((ulong)a.L1 * b.L7) + t1 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)a.L2 * b.L7) + t2 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)a.L3 * b.L7) + t3 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)a.L4 * b.L7) + t4 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)a.L5 * b.L7) + t5 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)a.L6 * b.L7) + t6 + (v >> 32);
        t6 = (uint)v;
        v = ((ulong)a.L7 * b.L7) + t7 + (v >> 32);
        t7 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t8 = (uint)v;
        t9 = (uint)(v >> 32);
        q = t0 * m.NegativeInverse;
        v = ((ulong)q * m.P.L0) + t0;
        v = ((ulong)q * m.P.L1) + t1 + (v >> 32);
        t0 = (uint)v;
        v = ((ulong)q * m.P.L2) + t2 + (v >> 32);
        t1 = (uint)v;
        v = ((ulong)q * m.P.L3) + t3 + (v >> 32);
        t2 = (uint)v;
        v = ((ulong)q * m.P.L4) + t4 + (v >> 32);
        t3 = (uint)v;
        v = ((ulong)q * m.P.L5) + t5 + (v >> 32);
        t4 = (uint)v;
        v = ((ulong)q * m.P.L6) + t6 + (v >> 32);
        t5 = (uint)v;
        v = ((ulong)q * m.P.L7) + t7 + (v >> 32);
        t6 = (uint)v;
        v = (ulong)t8 + (v >> 32);
        t7 = (uint)v;
        t8 = t9 + (uint)(v >> 32);

        DeviceLimbs r;
        r.L0 = t0;
        r.L1 = t1;
        r.L2 = t2;
        r.L3 = t3;
        r.L4 = t4;
        r.L5 = t5;
        r.L6 = t6;
        r.L7 = t7;
        return ReduceOnce(r, t8, m);
    }
}
