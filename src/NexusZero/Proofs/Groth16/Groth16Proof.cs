using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// A Groth16 proof (A ∈ G1, B ∈ G2, C ∈ G1). Encoding: A (64) ‖ B (128) ‖ C (64), EIP-197 uncompressed
/// (the layout Ethereum's pairing precompile and Solidity verifiers take), 256 bytes.
/// </summary>
public sealed class Groth16Proof
{
    /// <summary>The encoded length.</summary>
    public const int EncodedLength = 256;

    internal Groth16Proof(G1Point a, G2Point b, G1Point c)
    {
        A = a;
        B = b;
        C = c;
    }

    internal G1Point A { get; }

    internal G2Point B { get; }

    internal G1Point C { get; }

    /// <summary>The 256-byte encoding.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[EncodedLength];
        Bn254Encoding.EncodeG1(A, bytes.AsSpan(0, 64));
        Bn254Encoding.EncodeG2(B, bytes.AsSpan(64, 128));
        Bn254Encoding.EncodeG1(C, bytes.AsSpan(192, 64));
        return bytes;
    }

    /// <summary>Strictly decodes a proof: exact length, canonical coordinates, on-curve points, B in G2's subgroup.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Groth16Proof? proof, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (encoded.Length != EncodedLength)
        {
            error = $"A Groth16 proof is {EncodedLength} bytes, not {encoded.Length}.";
            return false;
        }

        if (!Bn254Encoding.TryDecodeG1(encoded[..64], out var a, out var e))
        {
            error = $"A: {e}";
            return false;
        }

        if (!Bn254Encoding.TryDecodeG2(encoded.Slice(64, 128), out var b, out e))
        {
            error = $"B: {e}";
            return false;
        }

        if (!Bn254Encoding.TryDecodeG1(encoded[192..], out var c, out e))
        {
            error = $"C: {e}";
            return false;
        }

        proof = new Groth16Proof(a, b, c);
        error = null;
        return true;
    }
}
