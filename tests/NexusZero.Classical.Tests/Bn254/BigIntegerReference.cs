using System.Numerics;
using NexusZero.Groups.Bn254;

namespace NexusZero.Classical.Tests.Bn254;

/// <summary>Test-only conversions between the fixed-limb fields and System.Numerics.BigInteger.</summary>
internal static class BigIntegerReference
{
    public static readonly BigInteger P = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    public static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    public static BigInteger ToBig(Limbs256 limbs)
    {
        Span<byte> bytes = stackalloc byte[32];
        limbs.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static Limbs256 ToLimbs(BigInteger value) => Limbs256.FromBigEndian(ToBytes(value));

    public static byte[] ToBytes(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    public static BigInteger Random(Random random, BigInteger modulus)
    {
        var bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes, isUnsigned: true) % modulus;
    }

    public static Fp Fp(BigInteger value) => Groups.Bn254.Fp.FromCanonical(ToLimbs(value));

    public static BigInteger Big(Fp value) => ToBig(value.ToCanonical());
}
