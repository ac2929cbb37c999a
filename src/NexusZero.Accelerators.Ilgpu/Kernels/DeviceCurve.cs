using System.Runtime.InteropServices;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>A point (X : Y : Z) in homogeneous projective coordinates, laid out as the core's G1 points (three Fp in Montgomery form).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceProjective
{
    public DeviceLimbs X;
    public DeviceLimbs Y;
    public DeviceLimbs Z;
}

/// <summary>The curve y² = x³ + b over a prime field, as the kernels take it: the field and 3·b in Montgomery form.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DeviceCurve
{
    public DeviceModulus Field;
    public DeviceLimbs B3;
}

/// <summary>
/// The complete formulas of Renes, Costello and Batina (2016) for a = 0 — addition (algorithm 7) and doubling
/// (algorithm 9) — exactly as the core's projective points use them. Complete formulas need no branch on the identity
/// or on equal operands, so the threads of a warp never diverge on the data and identity or repeated points need no
/// special case.
/// </summary>
internal static class DevicePoint
{
    public static DeviceProjective Identity(in DeviceCurve curve)
    {
        DeviceProjective identity = default;
        identity.Y = curve.Field.One;
        return identity;
    }

    public static DeviceProjective Add(in DeviceProjective p, in DeviceProjective q, in DeviceCurve curve)
    {
        var m = curve.Field;
        var t0 = DeviceArithmetic.Multiply(p.X, q.X, m);
        var t1 = DeviceArithmetic.Multiply(p.Y, q.Y, m);
        var t2 = DeviceArithmetic.Multiply(p.Z, q.Z, m);
        var t3 = DeviceArithmetic.Multiply(DeviceArithmetic.Add(p.X, p.Y, m), DeviceArithmetic.Add(q.X, q.Y, m), m);
        t3 = DeviceArithmetic.Subtract(t3, DeviceArithmetic.Add(t0, t1, m), m);
        var t4 = DeviceArithmetic.Multiply(DeviceArithmetic.Add(p.Y, p.Z, m), DeviceArithmetic.Add(q.Y, q.Z, m), m);
        t4 = DeviceArithmetic.Subtract(t4, DeviceArithmetic.Add(t1, t2, m), m);
        var y3 = DeviceArithmetic.Multiply(DeviceArithmetic.Add(p.X, p.Z, m), DeviceArithmetic.Add(q.X, q.Z, m), m);
        y3 = DeviceArithmetic.Subtract(y3, DeviceArithmetic.Add(t0, t2, m), m);
        var x3 = DeviceArithmetic.Double(t0, m);
        t0 = DeviceArithmetic.Add(x3, t0, m);
        t2 = DeviceArithmetic.Multiply(curve.B3, t2, m);
        var z3 = DeviceArithmetic.Add(t1, t2, m);
        t1 = DeviceArithmetic.Subtract(t1, t2, m);
        y3 = DeviceArithmetic.Multiply(curve.B3, y3, m);
        DeviceProjective r;
        r.X = DeviceArithmetic.Subtract(DeviceArithmetic.Multiply(t3, t1, m), DeviceArithmetic.Multiply(t4, y3, m), m);
        r.Y = DeviceArithmetic.Add(DeviceArithmetic.Multiply(y3, t0, m), DeviceArithmetic.Multiply(t1, z3, m), m);
        r.Z = DeviceArithmetic.Add(DeviceArithmetic.Multiply(z3, t4, m), DeviceArithmetic.Multiply(t0, t3, m), m);
        return r;
    }

    public static DeviceProjective Double(in DeviceProjective p, in DeviceCurve curve)
    {
        var m = curve.Field;
        var t0 = DeviceArithmetic.Multiply(p.Y, p.Y, m);
        var z3 = DeviceArithmetic.Double(t0, m);
        z3 = DeviceArithmetic.Double(z3, m);
        z3 = DeviceArithmetic.Double(z3, m);
        var t1 = DeviceArithmetic.Multiply(p.Y, p.Z, m);
        var t2 = DeviceArithmetic.Multiply(curve.B3, DeviceArithmetic.Multiply(p.Z, p.Z, m), m);
        var x3 = DeviceArithmetic.Multiply(t2, z3, m);
        var y3 = DeviceArithmetic.Add(t0, t2, m);
        z3 = DeviceArithmetic.Multiply(t1, z3, m);
        t1 = DeviceArithmetic.Double(t2, m);
        t2 = DeviceArithmetic.Add(t1, t2, m);
        t0 = DeviceArithmetic.Subtract(t0, t2, m);
        y3 = DeviceArithmetic.Add(DeviceArithmetic.Multiply(t0, y3, m), x3, m);
        t1 = DeviceArithmetic.Multiply(p.X, p.Y, m);
        DeviceProjective r;
        r.X = DeviceArithmetic.Double(DeviceArithmetic.Multiply(t0, t1, m), m);
        r.Y = y3;
        r.Z = z3;
        return r;
    }

    /// <summary>p with Y negated where <paramref name="mask"/> is all ones, by a masked select (no branch on the sign).</summary>
    public static DeviceProjective ConditionalNegate(in DeviceProjective p, uint mask, in DeviceCurve curve)
    {
        var r = p;
        r.Y = DeviceArithmetic.Select(p.Y, DeviceArithmetic.Negate(p.Y, curve.Field), mask);
        return r;
    }

    /// <summary>k·p for a small public k (a bucket index), by double-and-add from the top of <paramref name="bits"/> bits.</summary>
    public static DeviceProjective MultiplySmall(in DeviceProjective p, int k, int bits, in DeviceCurve curve)
    {
        var result = Identity(curve);
        for (var i = bits - 1; i >= 0; i--)
        {
            result = Double(result, curve);
            if (((k >> i) & 1) != 0)
            {
                result = Add(result, p, curve);
            }
        }

        return result;
    }
}
