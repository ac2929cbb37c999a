using System.Diagnostics.CodeAnalysis;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// The public statement "t = A·s1 + s2 for some s1 ∈ R_q^l, s2 ∈ R_q^k with coefficients in [−η, η]",
/// where R_q = Z_q[X]/(X^256 + 1), q = 8380417, and A = ExpandA(ρ) (FIPS 204) is k×l.
/// Canonical encoding (docs/formats.md, "Lattice"): version 1 ‖ k ‖ l ‖ η ‖ ρ (32) ‖ t (k × 736 bytes,
/// 23-bit coefficients in [0, q)).
/// </summary>
public sealed class ModuleLweStatement : Statement
{
    /// <summary>The largest η a statement may name.</summary>
    public const int MaxEta = 8;

    private const int HeaderSize = 4 + 32;
    private readonly byte[] _encoded;

    private ModuleLweStatement(byte[] encoded, int k, int l, int eta, PolynomialVector t)
    {
        _encoded = encoded;
        K = k;
        L = l;
        Eta = eta;
        T = t;
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.ModuleLwe;

    /// <summary>k: rows of A, length of t and s2.</summary>
    public int K { get; }

    /// <summary>l: columns of A, length of s1.</summary>
    public int L { get; }

    /// <summary>η: the bound on the secret coefficients.</summary>
    public int Eta { get; }

    /// <summary>The 32-byte seed ρ of A.</summary>
    public ReadOnlySpan<byte> Seed => _encoded.AsSpan(4, 32);

    internal PolynomialVector T { get; }

    /// <summary>The encoded length for a k-row statement.</summary>
    public static int EncodedLength(int k) => HeaderSize + (k * LatticeCoefficientPacking.PolynomialBytes);

    /// <summary>Creates a statement from ρ and t (k·256 coefficients in [0, q), polynomial after polynomial).</summary>
    /// <exception cref="ArgumentException">A dimension, η, the seed length or a coefficient is out of range.</exception>
    public static ModuleLweStatement Create(ReadOnlySpan<byte> seed, int k, int l, int eta, ReadOnlySpan<int> t)
    {
        CheckShape(k, l, eta);
        if (seed.Length != 32)
        {
            throw new ArgumentException($"The seed ρ is 32 bytes, got {seed.Length}.", nameof(seed));
        }

        if (t.Length != k * Polynomial.N)
        {
            throw new ArgumentException($"t has {k * Polynomial.N} coefficients for k = {k}, got {t.Length}.", nameof(t));
        }

        var vector = new PolynomialVector(k);
        for (int i = 0; i < t.Length; i++)
        {
            if ((uint)t[i] >= Zq.Q)
            {
                throw new ArgumentException($"t coefficient {i} is {t[i]}, outside [0, q).", nameof(t));
            }

            vector.Coefficients[i] = t[i];
        }

        return FromParts(seed, k, l, eta, vector);
    }

    /// <summary>Strictly decodes the canonical encoding.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out ModuleLweStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (encoded.Length < HeaderSize)
        {
            error = $"A Module-LWE statement has at least {HeaderSize} bytes, got {encoded.Length}.";
            return false;
        }

        int k = encoded[1];
        int l = encoded[2];
        int eta = encoded[3];
        if (encoded[0] != ModuleLweParameters.EncodingVersion)
        {
            error = $"Unknown Module-LWE statement version {encoded[0]}.";
            return false;
        }

        if (k is < 1 or > ModuleLweParameters.MaxDimension || l is < 1 or > ModuleLweParameters.MaxDimension || eta is < 1 or > MaxEta)
        {
            error = $"Module-LWE statement shape k = {k}, l = {l}, η = {eta} is outside 1..{ModuleLweParameters.MaxDimension}, 1..{ModuleLweParameters.MaxDimension}, 1..{MaxEta}.";
            return false;
        }

        if (encoded.Length != EncodedLength(k))
        {
            error = $"A Module-LWE statement with k = {k} is {EncodedLength(k)} bytes, got {encoded.Length}.";
            return false;
        }

        var t = new PolynomialVector(k);
        if (!LatticeCoefficientPacking.TryUnpack(encoded[HeaderSize..], t))
        {
            error = "A coefficient of t is not below q.";
            return false;
        }

        statement = new ModuleLweStatement(encoded.ToArray(), k, l, eta, t);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes() => (byte[])_encoded.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
    [
        new("k", K.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("l", L.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("eta", Eta.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("rho", Convert.ToHexStringLower(Seed)),
        new("t", Convert.ToHexStringLower(_encoded.AsSpan(HeaderSize))),
    ];

    internal static ModuleLweStatement FromParts(ReadOnlySpan<byte> seed, int k, int l, int eta, PolynomialVector t)
    {
        byte[] encoded = new byte[EncodedLength(k)];
        encoded[0] = ModuleLweParameters.EncodingVersion;
        encoded[1] = (byte)k;
        encoded[2] = (byte)l;
        encoded[3] = (byte)eta;
        seed.CopyTo(encoded.AsSpan(4));
        LatticeCoefficientPacking.Pack(t, encoded.AsSpan(HeaderSize));
        return new ModuleLweStatement(encoded, k, l, eta, t.Clone());
    }

    internal static void CheckShape(int k, int l, int eta)
    {
        if (k is < 1 or > ModuleLweParameters.MaxDimension || l is < 1 or > ModuleLweParameters.MaxDimension)
        {
            throw new ArgumentException($"k and l must be in 1..{ModuleLweParameters.MaxDimension}, got k = {k}, l = {l}.");
        }

        if (eta is < 1 or > MaxEta)
        {
            throw new ArgumentException($"η must be in 1..{MaxEta}, got {eta}.", nameof(eta));
        }
    }
}
