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

    /// <summary>The same 32 bytes as 8 little-endian 32-bit limbs.</summary>
    public static DeviceLimbs Limbs(Limbs256 value)
    {
        var limbs = default(DeviceLimbs);
        MemoryMarshal.Write(MemoryMarshal.AsBytes(new Span<DeviceLimbs>(ref limbs)), in value);
        return limbs;
    }

    private static DeviceModulus Modulus(MontgomeryModulus m) => new()
    {
        P = Limbs(m.Modulus),
        One = Limbs(m.R),
        NegativeInverse = unchecked((uint)m.NegativeInverse),
    };
}
