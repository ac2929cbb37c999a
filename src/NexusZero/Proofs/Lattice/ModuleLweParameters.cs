using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Parameters of the Module-LWE relation proof (docs/security.md, "Lattice"): the module shape k×l it
/// applies to, the masking range γ1 = 2^<see cref="Gamma1Bits"/> and the challenge weight τ. The bound
/// β = τ·η takes η from the statement. The 16-bit id packs all four values, so every valid id names
/// exactly one set: bits 15–13 k − 1, bits 12–10 l − 1, bits 9–6 log2 γ1 − 10, bits 5–0 τ − 1.
/// </summary>
public sealed record ModuleLweParameters : ParameterSet
{
    /// <summary>The canonical-encoding version.</summary>
    public const byte EncodingVersion = 1;

    /// <summary>The largest module dimension k or l.</summary>
    public const int MaxDimension = 8;

    /// <summary>The smallest log2 γ1.</summary>
    public const int MinGamma1Bits = 10;

    /// <summary>The largest log2 γ1 (keeps 2γ1 below q/4, where norms are read unambiguously).</summary>
    public const int MaxGamma1Bits = 19;

    /// <summary>The largest challenge weight (SampleInBall draws one sign bit per ±1 from 64 bits).</summary>
    public const int MaxTau = 64;

    /// <summary>The commitment-hash length c̃ in bytes (2λ bits for λ up to 256).</summary>
    public const int CommitmentHashSize = 64;

    private static readonly ConcurrentDictionary<ushort, ModuleLweParameters> Cache = new();

    private ModuleLweParameters(ushort id, int k, int l, int gamma1Bits, int tau, int securityBits)
        : base(id, $"MLWE-{k}x{l}-g{gamma1Bits}-t{tau}", securityBits)
    {
        K = k;
        L = l;
        Gamma1Bits = gamma1Bits;
        Tau = tau;
    }

    /// <summary>k, the rows of A (and the length of t and s2).</summary>
    public int K { get; }

    /// <summary>l, the columns of A (and the length of s1).</summary>
    public int L { get; }

    /// <summary>log2 γ1: the mask y has coefficients in [−γ1 + 1, γ1].</summary>
    public int Gamma1Bits { get; }

    /// <summary>γ1.</summary>
    public int Gamma1 => 1 << Gamma1Bits;

    /// <summary>τ: the challenge has exactly τ coefficients ±1.</summary>
    public int Tau { get; }

    /// <summary>log2 of the challenge-space size, log2(C(256, τ)·2^τ): the soundness error of one proof is 2^−this.</summary>
    public double ChallengeSpaceBits => ChallengeBits(Tau);

    /// <summary>The parameter set with these values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static ModuleLweParameters Create(int k, int l, int gamma1Bits, int tau)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(l, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(l, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(gamma1Bits, MinGamma1Bits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gamma1Bits, MaxGamma1Bits);
        ArgumentOutOfRangeException.ThrowIfLessThan(tau, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tau, MaxTau);
        ushort id = (ushort)(((k - 1) << 13) | ((l - 1) << 10) | ((gamma1Bits - MinGamma1Bits) << 6) | (tau - 1));
        return Cache.GetOrAdd(id, _ => new ModuleLweParameters(id, k, l, gamma1Bits, tau, EstimateSecurityBits(k, l, gamma1Bits, tau)));
    }

    /// <summary>Decodes an envelope id; false when a packed field is out of range.</summary>
    public static bool TryFromId(ushort id, [NotNullWhen(true)] out ModuleLweParameters? parameters)
    {
        int gamma1Bits = ((id >> 6) & 0x0F) + MinGamma1Bits;
        parameters = gamma1Bits <= MaxGamma1Bits
            ? Create((id >> 13) + 1, ((id >> 10) & 0x07) + 1, gamma1Bits, (id & 0x3F) + 1)
            : null;
        return parameters is not null;
    }

    /// <summary>log2(C(256, τ)·2^τ).</summary>
    public static double ChallengeBits(int tau)
    {
        double bits = tau;
        for (int i = 0; i < tau; i++)
        {
            bits += Math.Log2((double)(Polynomial.N - i) / (i + 1));
        }

        return bits;
    }

    /// <summary>The classical core-SVP bits of the relaxed-witness Module-SIS instance an extractor obtains.</summary>
    public double RelaxedWitnessSisBits => ModuleLweSecurity.RelaxedWitnessSis(K, L, Gamma1Bits).ClassicalBits;

    /// <inheritdoc />
    public override string DescribeSecurity() =>
        FormattableString.Invariant($"{SecurityBits} bits (challenge space {ChallengeSpaceBits:F1} bits, relaxed-witness Module-SIS {RelaxedWitnessSisBits:F1} bits)");

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes() => [EncodingVersion, (byte)K, (byte)L, (byte)Gamma1Bits, (byte)Tau];

    /// <summary>
    /// min(challenge-space bits, classical core-SVP bits of the ℓ∞ Module-SIS instance an extractor's
    /// relaxed witness solves: k equations, l + k + 1 columns, bound 2γ1 ≥ 2(γ1 − β)).
    /// </summary>
    private static int EstimateSecurityBits(int k, int l, int gamma1Bits, int tau)
    {
        double sis = ModuleLweSecurity.RelaxedWitnessSis(k, l, gamma1Bits).ClassicalBits;
        return (int)Math.Floor(Math.Min(sis, ChallengeBits(tau)));
    }
}
