namespace NexusZero.Lattice.Tests.Oracles;

internal static class Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Parse(string? hex) => Convert.FromHexString(hex ?? string.Empty);
}
