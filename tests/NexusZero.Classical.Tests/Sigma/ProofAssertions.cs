using NexusZero.Proofs;

namespace NexusZero.Classical.Tests.Sigma;

internal static class ProofAssertions
{
    /// <summary>Every single-bit flip of every byte, every truncation and an appended byte are rejected (never thrown).</summary>
    public static void EveryChangeRejected(byte[] proof, Func<byte[], VerificationResult> verify, int bitStride = 1)
    {
        for (var i = 0; i < proof.Length; i++)
        {
            for (var bit = 0; bit < 8; bit += bitStride)
            {
                var tampered = (byte[])proof.Clone();
                tampered[i] ^= (byte)(1 << bit);
                var result = verify(tampered);
                Assert.False(result.IsValid, $"flip of byte {i} bit {bit} was accepted");
            }
        }

        Assert.False(verify(proof[..^1]).IsValid);
        Assert.False(verify([]).IsValid);
        Assert.False(verify([.. proof, 0]).IsValid);
    }
}
