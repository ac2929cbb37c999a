using System.Security.Cryptography;
using NexusZero.Service.Caching;

namespace NexusZero.Service.Tests.Caching.Support;

/// <summary>Fresh keys and values, so tests sharing a store never see each other's entries.</summary>
internal static class TestKeys
{
    public static ReceiptCacheKey NewKey() =>
        new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(16), InferenceLevel.Proof, 7);

    /// <summary>A "receipt" that the tests' validity check accepts: a marker byte, then any bytes.</summary>
    public static byte[] GoodValue(int length = 64)
    {
        var value = RandomNumberGenerator.GetBytes(length);
        value[0] = 0xA5;
        return value;
    }

    public static bool IsGood(ReadOnlyMemory<byte> value) => value.Length > 0 && value.Span[0] == 0xA5;
}
