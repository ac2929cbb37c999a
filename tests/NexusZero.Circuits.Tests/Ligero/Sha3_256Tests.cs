using System.Security.Cryptography;
using NexusZero.Hashing;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>The Merkle trees' SHA3-256: FIPS 202 vectors, and our sponge equal to the platform's at every length around the rate.</summary>
public sealed class Sha3_256Tests
{
    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void KnownVectors(string message, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(message);
        var ours = new byte[32];
        Sha3_256.HashWithOwnSponge(bytes, ours);
        Assert.Equal(expected, Convert.ToHexStringLower(ours));
        var dispatched = new byte[32];
        Sha3_256.HashData(bytes, dispatched);
        Assert.Equal(expected, Convert.ToHexStringLower(dispatched));
    }

    [Fact]
    public void OurSpongeEqualsThePlatformsAcrossBlockBoundaries()
    {
        // The platform's SHA3-256 (OpenSSL 3 on Linux) is the oracle here: its absence fails the run, never skips it.
        Assert.True(SHA3_256.IsSupported, "This platform has no SHA3-256 (System.Security.Cryptography.SHA3_256): install OpenSSL 3 to run the cross-check.");

        var data = new byte[600];
        new Random(15).NextBytes(data);
        var ours = new byte[32];
        foreach (var length in new[] { 1, 30, 135, 136, 137, 271, 272, 273, 599 })
        {
            Sha3_256.HashWithOwnSponge(data.AsSpan(0, length), ours);
            Assert.Equal(SHA3_256.HashData(data.AsSpan(0, length)), ours);
        }
    }
}
