using System.Buffers.Binary;
using System.Globalization;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// A parameter set of the Ligero argument (<see cref="LigeroProofSystem"/>): the Reed–Solomon rate ρ = 2^−<see cref="LogInverseRate"/>
/// of the code every committed row belongs to, and the number of distinct columns the verifier opens. The layout
/// (row length, number of rows) follows from the circuit and these two values (docs/formats.md, "Ligero proof").
/// </summary>
/// <remarks>
/// Soundness (docs/security.md, "Ligero"): a cheating prover's success probability in the interactive protocol is at most
/// ε = (1/2 + ρ)^t + (N + 3m + p + 1)/|F|, with t queries, N code positions, m constraints, p public inputs and
/// |F| ≈ 2^253.6; in the random-oracle model, a prover making Q hash evaluations succeeds with at most
/// Q·ε + Q²/2^256 (SHA3-256 Merkle trees). <see cref="ParameterSet.SecurityBits"/> is ⌊−log2 ε⌋ with the field term
/// bounded by 2^−220 (N ≤ 2^28, m ≤ 2^31): proven bounds only, no conjecture.
/// </remarks>
public sealed record LigeroParameters : ParameterSet
{
    private LigeroParameters(ushort id, string name, int logInverseRate, int queries)
        : base(id, name, (int)Math.Floor(SoundnessBits(logInverseRate, queries)))
    {
        LogInverseRate = logInverseRate;
        Queries = queries;
    }

    /// <summary>ρ = 1/8, 148 queries: 100.4 bits (id 1).</summary>
    public static LigeroParameters Bits100 { get; } = new(1, "Ligero-100", 3, 148);

    /// <summary>ρ = 1/8, 189 queries: 128.2 bits (id 2).</summary>
    public static LigeroParameters Bits128 { get; } = new(2, "Ligero-128", 3, 189);

    /// <summary>The shipped sets, weakest first.</summary>
    public static IReadOnlyList<LigeroParameters> All { get; } = [Bits100, Bits128];

    /// <summary>log2(1/ρ): the code has N = 2^LogInverseRate · D positions for polynomials of degree below D.</summary>
    public int LogInverseRate { get; }

    /// <summary>t, the number of distinct columns the verifier opens.</summary>
    public int Queries { get; }

    /// <summary>
    /// A set outside the envelope ids, for adversarial tests that need an attack to succeed often enough to measure.
    /// No verifier looks it up, so no envelope can name it.
    /// </summary>
    internal static LigeroParameters ForTesting(int logInverseRate, int queries) => new(0, "Ligero-test", logInverseRate, queries);

    /// <summary>−log2 of the soundness error for this rate and query count (docs/security.md, "Ligero").</summary>
    internal static double SoundnessBits(int logInverseRate, int queries)
    {
        var perQuery = 0.5 + Math.Pow(2, -logInverseRate);
        var queryError = Math.Pow(perQuery, queries);
        return -Math.Log2(queryError + Math.Pow(2, -220));
    }

    /// <inheritdoc />
    public override string DescribeSecurity() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SecurityBits} bits (Ligero, rate 1/{1 << LogInverseRate}, {Queries} queries: (1/2 + ρ)^t = 2^-{-Queries * Math.Log2(0.5 + Math.Pow(2, -LogInverseRate)):F1}, field terms below 2^-220; proven in the random-oracle model, post-quantum)");

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes()
    {
        var label = "ligero-r1cs/v1"u8;
        var bytes = new byte[label.Length + 3];
        label.CopyTo(bytes);
        bytes[label.Length] = (byte)LogInverseRate;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(label.Length + 1), (ushort)Queries);
        return bytes;
    }
}
