using System.Numerics;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Secp256k1;

/// <summary>BigInteger reference values for secp256k1 (test-only; never used on secret paths in src/).</summary>
internal static class BigIntegerReference
{
    public static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;

    public static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    public static BigInteger FromBigEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    public static byte[] ToBigEndian(BigInteger value, int length = 32)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[length];
        raw.CopyTo(result, length - raw.Length);
        return result;
    }

    /// <summary>The field element of a value below p (asserts it decodes).</summary>
    public static FieldElement Fe(BigInteger value)
    {
        Assert.True(FieldElement.TryFromBigEndian(ToBigEndian(value), out var fe));
        return fe;
    }

    /// <summary>The value of a field element, asserting it is fully reduced (every operation's contract).</summary>
    public static BigInteger Big(in FieldElement fe)
    {
        var value = LimbValue(fe);
        Assert.True(value < P, "a field element must be fully reduced");
        return value;
    }

    /// <summary>The integer the limbs hold, reduced or not (for tests that build limbs directly).</summary>
    public static BigInteger LimbValue(in FieldElement fe)
    {
        var bytes = new byte[32];
        fe.WriteBigEndian(bytes);
        return FromBigEndian(bytes);
    }

    public static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[40];
        random.NextBytes(bytes);
        return Mod(FromBigEndian(bytes), bound);
    }

    /// <summary>Random values biased toward the edges (0, 1, bound − 1, near 2^256) and uniform ones.</summary>
    public static BigInteger Interesting(Random random, BigInteger bound, int i) => (i % 8) switch
    {
        0 => BigInteger.Zero,
        1 => BigInteger.One,
        2 => bound - 1,
        3 => bound - 1 - random.Next(1000),
        4 => BigInteger.Pow(2, 255) + random.Next(1000),
        _ => RandomBelow(random, bound),
    };
}
