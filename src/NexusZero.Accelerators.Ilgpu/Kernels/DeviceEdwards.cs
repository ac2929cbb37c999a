using System.Runtime.InteropServices;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>An edwards25519 point (X : Y : Z : T) in extended coordinates, each coordinate in Montgomery form mod 2^255 − 19.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceEdwards
{
    public DeviceLimbs X;
    public DeviceLimbs Y;
    public DeviceLimbs Z;
    public DeviceLimbs T;
}

/// <summary>edwards25519 as the kernels take it: the field 2^255 − 19 and 2·d in Montgomery form.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceEdwardsCurve
{
    public DeviceModulus Field;
    public DeviceLimbs D2;
}

/// <summary>
/// The unified addition of Hisil, Wong, Carter and Dawson (2008, a = −1, 8M + one multiplication by 2d), complete on
/// edwards25519 because d is not a square: doubling, the identity and inverse points need no branch.
/// </summary>
internal static class DeviceEdwardsPoint
{
    public static DeviceEdwards Identity(in DeviceEdwardsCurve curve)
    {
        DeviceEdwards identity = default;
        identity.Y = curve.Field.One;
        identity.Z = curve.Field.One;
        return identity;
    }

    public static DeviceEdwards Add(in DeviceEdwards p, in DeviceEdwards q, in DeviceEdwardsCurve curve)
    {
        var m = curve.Field;
        var a = DeviceArithmetic.Multiply(DeviceArithmetic.Subtract(p.Y, p.X, m), DeviceArithmetic.Subtract(q.Y, q.X, m), m);
        var b = DeviceArithmetic.Multiply(DeviceArithmetic.Add(p.Y, p.X, m), DeviceArithmetic.Add(q.Y, q.X, m), m);
        var c = DeviceArithmetic.Multiply(DeviceArithmetic.Multiply(p.T, curve.D2, m), q.T, m);
        var d = DeviceArithmetic.Double(DeviceArithmetic.Multiply(p.Z, q.Z, m), m);
        var e = DeviceArithmetic.Subtract(b, a, m);
        var f = DeviceArithmetic.Subtract(d, c, m);
        var g = DeviceArithmetic.Add(d, c, m);
        var h = DeviceArithmetic.Add(b, a, m);
        DeviceEdwards r;
        r.X = DeviceArithmetic.Multiply(e, f, m);
        r.Y = DeviceArithmetic.Multiply(g, h, m);
        r.T = DeviceArithmetic.Multiply(e, h, m);
        r.Z = DeviceArithmetic.Multiply(f, g, m);
        return r;
    }

    /// <summary>p with X and T negated where <paramref name="mask"/> is all ones.</summary>
    public static DeviceEdwards ConditionalNegate(in DeviceEdwards p, uint mask, in DeviceEdwardsCurve curve)
    {
        var r = p;
        r.X = DeviceArithmetic.Select(p.X, DeviceArithmetic.Negate(p.X, curve.Field), mask);
        r.T = DeviceArithmetic.Select(p.T, DeviceArithmetic.Negate(p.T, curve.Field), mask);
        return r;
    }

    /// <summary>k·p for a small public k, by double-and-add (doubling is the unified addition of p with itself).</summary>
    public static DeviceEdwards MultiplySmall(in DeviceEdwards p, int k, int bits, in DeviceEdwardsCurve curve)
    {
        var result = Identity(curve);
        for (var i = bits - 1; i >= 0; i--)
        {
            result = Add(result, result, curve);
            if (((k >> i) & 1) != 0)
            {
                result = Add(result, p, curve);
            }
        }

        return result;
    }
}
