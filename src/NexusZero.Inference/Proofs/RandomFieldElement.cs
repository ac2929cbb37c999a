using System.Security.Cryptography;
using NexusZero.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>Uniform elements of BN254's Fr from the OS CSPRNG, for the commitments' blindings.</summary>
internal static class RandomFieldElement
{
    /// <summary>A uniform element of Fr by rejection: 254 random bits, kept when below r (about three tries in four succeed).</summary>
    public static FieldElement Uniform()
    {
        Span<byte> bytes = stackalloc byte[FieldElement.ByteLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                bytes[0] &= 0x3F;
                if (FieldElement.TryFromBigEndian(bytes, out var value))
                {
                    return value;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
