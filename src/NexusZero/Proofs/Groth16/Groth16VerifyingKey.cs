using System.Security.Cryptography;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// A Groth16 verifying key over BN254: [α]₁, [β]₂, [γ]₂, [δ]₂ and the public-input query IC₀ … IC_ℓ.
/// A verifying key is trust-critical: whoever made it can forge proofs if the setup's toxic waste is
/// known, so a verifier takes it from a trusted source, never from the proof (docs/security.md, "Groth16").
/// Encoding (docs/formats.md, "Groth16 verifying key"): u32 ℓ big-endian, then α (64), β (128), γ (128),
/// δ (128), IC₀ … IC_ℓ (64 each), EIP-197 uncompressed points.
/// </summary>
public sealed class Groth16VerifyingKey
{
    /// <summary>The most public inputs a key may declare.</summary>
    public const int MaxPublicInputs = 1 << 16;

    internal Groth16VerifyingKey(G1Point alpha, G2Point beta, G2Point gamma, G2Point delta, G1Point[] ic)
    {
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Delta = delta;
        Ic = ic;
        var encoded = Encode();
        Encoded = encoded;
        Digest = SHA256.HashData(encoded);
    }

    internal G1Point Alpha { get; }

    internal G2Point Beta { get; }

    internal G2Point Gamma { get; }

    internal G2Point Delta { get; }

    internal G1Point[] Ic { get; }

    /// <summary>
    /// What every verification with this key repeats, computed on first use: the Miller loop value of e(α, β)
    /// and the line coefficients of γ and δ (a race computes it twice, harmlessly: the values are equal).
    /// </summary>
    internal Groth16PreparedKey Prepared => _prepared ??= new Groth16PreparedKey(Alpha, Beta, Gamma, Delta);

    private Groth16PreparedKey? _prepared;

    /// <summary>ℓ, the number of public inputs (outputs first, as circom orders them).</summary>
    public int PublicInputCount => Ic.Length - 1;

    /// <summary>The canonical encoding.</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>SHA-256 of <see cref="Encoded"/>: the key's name in statements and envelopes.</summary>
    public ReadOnlyMemory<byte> Digest { get; }

    /// <summary>Strictly decodes a key: exact length, canonical coordinates, points on the curve and in G2's subgroup.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Groth16VerifyingKey? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        key = null;
        if (encoded.Length < 4)
        {
            error = "The verifying key is shorter than its 4-byte header.";
            return false;
        }

        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(encoded);
        if (count > MaxPublicInputs)
        {
            error = $"The verifying key declares {count} public inputs; at most {MaxPublicInputs} are supported.";
            return false;
        }

        var expected = 4 + 64 + (3 * 128) + ((count + 1) * 64);
        if (encoded.Length != expected)
        {
            error = $"A verifying key with {count} public inputs is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        var offset = 4;
        if (!TryG1(encoded, ref offset, "alpha", out var alpha, out error)
            || !TryG2(encoded, ref offset, "beta", out var beta, out error)
            || !TryG2(encoded, ref offset, "gamma", out var gamma, out error)
            || !TryG2(encoded, ref offset, "delta", out var delta, out error))
        {
            return false;
        }

        var ic = new G1Point[count + 1];
        for (var i = 0; i < ic.Length; i++)
        {
            if (!TryG1(encoded, ref offset, $"IC[{i}]", out ic[i], out error))
            {
                return false;
            }
        }

        key = new Groth16VerifyingKey(alpha, beta, gamma, delta, ic);
        return true;
    }

    private byte[] Encode()
    {
        var bytes = new byte[4 + 64 + (3 * 128) + (Ic.Length * 64)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(Ic.Length - 1));
        var offset = 4;
        Bn254Encoding.EncodeG1(Alpha, bytes.AsSpan(offset, 64));
        offset += 64;
        foreach (var point in new[] { Beta, Gamma, Delta })
        {
            Bn254Encoding.EncodeG2(point, bytes.AsSpan(offset, 128));
            offset += 128;
        }

        foreach (var point in Ic)
        {
            Bn254Encoding.EncodeG1(point, bytes.AsSpan(offset, 64));
            offset += 64;
        }

        return bytes;
    }

    private static bool TryG1(ReadOnlySpan<byte> bytes, ref int offset, string name, out G1Point point, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (!Bn254Encoding.TryDecodeG1(bytes.Slice(offset, 64), out point, out var inner))
        {
            error = $"{name}: {inner}";
            return false;
        }

        offset += 64;
        error = null;
        return true;
    }

    private static bool TryG2(ReadOnlySpan<byte> bytes, ref int offset, string name, out G2Point point, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (!Bn254Encoding.TryDecodeG2(bytes.Slice(offset, 128), out point, out var inner))
        {
            error = $"{name}: {inner}";
            return false;
        }

        offset += 128;
        error = null;
        return true;
    }
}
