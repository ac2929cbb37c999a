using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// The circuit of "I know a message of this length whose digest under this hash is this": public inputs digestHigh
/// and digestLow (the digest's first and last 16 bytes, big-endian) and the context binding input; the message
/// bits private. One circuit, and so one key pair, per hash and message length: both are part of the statement
/// through the key (Groth16) or the circuit digest (Ligero). SHA-256: up to <see cref="MaxSha256PreimageLength"/>
/// bytes (two blocks, about 57,000 constraints; one block, up to 55 bytes, is about 28,000). SHA3-256: up to
/// <see cref="MaxSha3_256PreimageLength"/> bytes (one Keccak-f[1600] permutation, about 150,000 constraints).
/// </summary>
public static class PreimageCircuit
{
    /// <summary>The longest preimage: 119 bytes, the most that pad into two 64-byte blocks.</summary>
    public const int MaxSha256PreimageLength = 119;

    /// <summary>The longest SHA3-256 preimage: 135 bytes, the most that pad into one 136-byte block.</summary>
    public const int MaxSha3_256PreimageLength = 135;

    /// <summary>The constraint system for preimages of <paramref name="length"/> bytes (no witness).</summary>
    /// <exception cref="ArgumentException">The hash function is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or over the hash's maximum.</exception>
    public static ConstraintSystem ForSetup(HashFunction hash, int length) =>
        Build(CircuitBuilder.ForSetup(), hash, length, ReadOnlyMemory<byte>.Empty, new byte[32]).System;

    /// <summary>The circuit's statement inputs for <paramref name="digest"/>: (digestHigh, digestLow).</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public static FieldElement[] DigestInputs(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A SHA-256 or SHA3-256 digest is 32 bytes, not {digest.Length}.", nameof(digest));
        }

        Span<byte> half = stackalloc byte[32];
        half.Clear();
        digest[..16].CopyTo(half[16..]);
        var high = FieldElement.FromBigEndian(half);
        digest[16..].CopyTo(half[16..]);
        return [high, FieldElement.FromBigEndian(half)];
    }

    /// <summary>Throws unless a circuit exists for (<paramref name="hash"/>, <paramref name="length"/>).</summary>
    /// <exception cref="ArgumentException">The hash function is neither SHA-256 nor SHA3-256.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or over the hash's maximum.</exception>
    internal static void CheckSupported(HashFunction hash, int length)
    {
        var maximum = hash switch
        {
            HashFunction.Sha256 => MaxSha256PreimageLength,
            HashFunction.Sha3_256 => MaxSha3_256PreimageLength,
            _ => throw new ArgumentException($"Preimage circuits exist for SHA-256 and SHA3-256, not {hash}.", nameof(hash)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, maximum);
    }

    /// <summary>hash(<paramref name="message"/>) into the first 32 bytes of <paramref name="destination"/>: the digest a preimage proof's statement carries.</summary>
    /// <param name="hash">The hash function: <see cref="HashFunction.Sha256"/> or <see cref="HashFunction.Sha3_256"/> (FIPS 202, the project's own Keccak).</param>
    /// <param name="message">The message, no longer than the circuit for <paramref name="hash"/> takes.</param>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">The hash is unsupported or the message is longer than its circuit takes.</exception>
    public static void Hash(HashFunction hash, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        CheckSupported(hash, message.Length);
        if (hash == HashFunction.Sha256)
        {
            System.Security.Cryptography.SHA256.HashData(message, destination);
        }
        else
        {
            NexusZero.Hashing.Sha3_256.HashData(message, destination);
        }
    }

    /// <summary>Builds the circuit; with a proving builder, the witness for <paramref name="preimage"/>.</summary>
    internal static BuiltCircuit Build(CircuitBuilder builder, HashFunction hash, int length, ReadOnlyMemory<byte> preimage, ReadOnlySpan<byte> digest)
    {
        CheckSupported(hash, length);
        var inputs = DigestInputs(digest);
        var high = builder.PublicInput("digestHigh", inputs[0]);
        var low = builder.PublicInput("digestLow", inputs[1]);

        // The context binding input: last, and in no constraint (Groth16ProofSystem sets its value).
        builder.PublicInput("context", FieldElement.Zero);
        var bits = builder.MessageBits(preimage, length);
        var digestBits = hash == HashFunction.Sha256 ? builder.Sha256(bits) : builder.Sha3_256(bits);
        var (packedHigh, packedLow) = Sha256Gadget.Pack(digestBits);
        builder.AssertEqual(packedHigh, high, "digestHigh");
        builder.AssertEqual(packedLow, low, "digestLow");
        return builder.Build();
    }
}
