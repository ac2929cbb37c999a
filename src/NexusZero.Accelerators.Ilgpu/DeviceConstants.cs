using System.Runtime.InteropServices;
using NexusZero.Accelerators.Ilgpu.Kernels;
using NexusZero.Groups.Bn254;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>The core's moduli and curve constants in the kernels' form.</summary>
internal static class DeviceConstants
{
    public static readonly DeviceModulus Fp = Modulus(global::NexusZero.Groups.Bn254.Fp.Parameters);

    public static readonly DeviceModulus Fr = Modulus(global::NexusZero.Groups.Bn254.Fr.Parameters);

    public static readonly DeviceCurve G1 = new() { Field = Fp, B3 = Limbs(G1Curve.B3.MontgomeryLimbs) };

    /// <summary>2^255 − 19, with R = 2^256 ≡ 38 (2^255 ≡ 19).</summary>
    public static readonly DeviceModulus Curve25519 = PseudoMersenne(new Limbs256(0xFFFFFFFFFFFFFFEDUL, ulong.MaxValue, ulong.MaxValue, 0x7FFFFFFFFFFFFFFFUL), 38);

    /// <summary>R² mod 2^255 − 19 = 38² = 1444, canonical: multiplying a canonical value by it gives its Montgomery form.</summary>
    public static readonly DeviceLimbs Curve25519R2 = Limbs(new Limbs256(38 * 38, 0, 0, 0));

    /// <summary>1, canonical: multiplying a Montgomery form by it gives the canonical value.</summary>
    public static readonly DeviceLimbs CanonicalOne = Limbs(new Limbs256(1, 0, 0, 0));

    /// <summary>edwards25519 with 2·d (the core's <see cref="Groups.Ristretto255.FieldElement.D2"/>) in Montgomery form.</summary>
    public static readonly DeviceEdwardsCurve Edwards25519 = new()
    {
        Field = Curve25519,
        D2 = DeviceArithmetic.Multiply(FromFieldElement(Groups.Ristretto255.FieldElement.D2), Curve25519R2, Curve25519),
    };

    /// <summary>A ristretto255 field element's canonical value as limbs (not yet in Montgomery form).</summary>
    public static DeviceLimbs FromFieldElement(in Groups.Ristretto255.FieldElement value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.Encode(bytes);
        return MemoryMarshal.Read<DeviceLimbs>(bytes);
    }

    /// <summary>The field element with these canonical limbs.</summary>
    public static Groups.Ristretto255.FieldElement ToFieldElement(in DeviceLimbs canonical)
    {
        Span<byte> bytes = stackalloc byte[32];
        MemoryMarshal.Write(bytes, in canonical);
        return Groups.Ristretto255.FieldElement.FromBytes(bytes);
    }

    /// <summary>The same 32 bytes as 8 little-endian 32-bit limbs.</summary>
    public static DeviceLimbs Limbs(Limbs256 value)
    {
        var limbs = default(DeviceLimbs);
        MemoryMarshal.Write(MemoryMarshal.AsBytes(new Span<DeviceLimbs>(ref limbs)), in value);
        return limbs;
    }

    private static DeviceModulus PseudoMersenne(Limbs256 modulus, ulong r)
    {
        // −m⁻¹ mod 2^32 by Newton's iteration (each step doubles the correct low bits: 1 → 2 → … → 32).
        var low = unchecked((uint)modulus.L0);
        var inverse = low;
        for (var i = 0; i < 5; i++)
        {
            inverse *= 2 - (low * inverse);
        }

        return new DeviceModulus { P = Limbs(modulus), One = Limbs(new Limbs256(r, 0, 0, 0)), NegativeInverse = 0u - inverse };
    }

    private static DeviceModulus Modulus(MontgomeryModulus m) => new()
    {
        P = Limbs(m.Modulus),
        One = Limbs(m.R),
        NegativeInverse = unchecked((uint)m.NegativeInverse),
    };
}
