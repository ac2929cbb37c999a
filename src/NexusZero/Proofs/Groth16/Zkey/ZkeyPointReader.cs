using NexusZero.Circuits.Circom;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// Points as snarkjs stores them in .zkey and .ptau files: affine coordinates, each 32 little-endian bytes in
/// Montgomery form (R = 2^256), G2 coordinates as (c0, c1); the point at infinity as all zeros ((0, 0) is not on
/// either curve, so the form is unambiguous). Every point is checked to be canonical and on its curve.
/// </summary>
internal static class ZkeyPointReader
{
    public const int G1Bytes = 64;

    public const int G2Bytes = 128;

    public static G1Point ReadG1(ref CircomSpanReader reader, string field)
    {
        var bytes = reader.ReadBytes(G1Bytes, field);
        if (bytes.IndexOfAnyExcept((byte)0) < 0)
        {
            return G1Point.Identity;
        }

        if (!Fp.FromMontgomeryLittleEndian(bytes[..32], out var x) || !Fp.FromMontgomeryLittleEndian(bytes[32..], out var y))
        {
            throw reader.Error($"{field} has a coordinate that is not below the field modulus p");
        }

        var point = new G1Point(x, y, Fp.One);
        return point.IsOnCurve() ? point : throw reader.Error($"{field} is not on the curve y² = x³ + 3");
    }

    public static G2Point ReadG2(ref CircomSpanReader reader, string field, bool checkSubgroup)
    {
        var bytes = reader.ReadBytes(G2Bytes, field);
        if (bytes.IndexOfAnyExcept((byte)0) < 0)
        {
            return G2Point.Identity;
        }

        if (!Fp.FromMontgomeryLittleEndian(bytes[..32], out var x0) || !Fp.FromMontgomeryLittleEndian(bytes[32..64], out var x1)
            || !Fp.FromMontgomeryLittleEndian(bytes[64..96], out var y0) || !Fp.FromMontgomeryLittleEndian(bytes[96..], out var y1))
        {
            throw reader.Error($"{field} has a coordinate that is not below the field modulus p");
        }

        var point = new G2Point(new Fp2(x0, x1), new Fp2(y0, y1), Fp2.One);
        if (!point.IsOnCurve())
        {
            throw reader.Error($"{field} is not on the twist y² = x³ + 3/(9 + u)");
        }

        if (checkSubgroup && !Bn254Encoding.IsInG2Subgroup(point))
        {
            throw reader.Error($"{field} is on the twist but not in the subgroup of order r");
        }

        return point;
    }
}
