using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NexusZero.Diagnostics;
using NexusZero.Lattices;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Proof of knowledge of short (s1, s2) with t = A·s1 + s2 by Fiat–Shamir with aborts (Lyubashevsky):
/// mask y ∈ [−γ1 + 1, γ1], commitment w = A·y1 + y2, challenge c of weight τ from the transcript,
/// response z = y + c·s, restarted unless ‖z‖∞ &lt; γ1 − β with β = τ·η. The proof is c̃ ‖ z1 ‖ z2; the
/// verifier recomputes w = A·z1 + z2 − c·t and the challenge. What an extractor obtains is stated in
/// docs/security.md ("Lattice"); the byte layout is in docs/formats.md.
/// </summary>
public sealed class ModuleLweProofSystem : IProofSystem, IProofFigureReporter
{
    private static readonly ReadOnlyCollection<StatementKind> Kinds = Array.AsReadOnly([StatementKind.ModuleLwe]);

    private readonly FrozenDictionary<ushort, ModuleLweParameters> _registered;

    private ModuleLweProofSystem(FrozenDictionary<ushort, ModuleLweParameters> registered)
    {
        _registered = registered;
    }

    /// <summary>
    /// The shared instance. It accepts only the parameter sets <see cref="ModuleLweParameterSelector"/> can
    /// output for 128, 192 and 256 bits (<see cref="ModuleLweParameterSelector.IsSelectable"/>); the envelope
    /// id can express many weaker ones (τ = 1 gives a 9-bit challenge space, forgeable in milliseconds), and
    /// those are refused by <see cref="TryGetParameterSet"/>, <see cref="Verify"/> and <see cref="Prove(Statement, Witness, ParameterSet, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static ModuleLweProofSystem Instance { get; } = new(FrozenDictionary<ushort, ModuleLweParameters>.Empty);

    /// <summary>The parameter sets registered beyond the selector's closed list.</summary>
    public IReadOnlyCollection<ModuleLweParameters> RegisteredParameterSets => _registered.Values;

    /// <summary>
    /// A system that also accepts <paramref name="parameterSets"/> (register it with
    /// <see cref="ProofSystemRegistry.With"/>). The pipeline's security floor still applies to them: a set
    /// below <see cref="Pipeline.ProtocolConfig.SecurityLevel"/> is refused however it was registered.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameterSets"/> or one of its items is null.</exception>
    public ModuleLweProofSystem WithParameterSets(params IEnumerable<ModuleLweParameters> parameterSets)
    {
        ArgumentNullException.ThrowIfNull(parameterSets);
        var sets = new Dictionary<ushort, ModuleLweParameters>(_registered);
        foreach (ModuleLweParameters set in parameterSets)
        {
            ArgumentNullException.ThrowIfNull(set, nameof(parameterSets));
            sets[set.Id] = set;
        }

        return new ModuleLweProofSystem(sets.ToFrozenDictionary());
    }

    /// <summary>Whether this system accepts <paramref name="parameters"/>: the selector's closed list or a registered set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public bool Accepts(ModuleLweParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _registered.ContainsKey(parameters.Id) || ModuleLweParameterSelector.IsSelectable(parameters);
    }

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.ModuleLweRelation;

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) =>
        parameters is ModuleLweParameters set ? ProofLength(set) : null;

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <inheritdoc />
    public string Name => "Module-LWE relation proof (Fiat–Shamir with aborts)";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements => Kinds;

    /// <summary>The proof length for <paramref name="parameters"/>.</summary>
    public static int ProofLength(ModuleLweParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return ModuleLweParameters.CommitmentHashSize + (32 * (parameters.Gamma1Bits + 1) * (parameters.K + parameters.L));
    }

    /// <summary>Runs <see cref="ModuleLweParameterSelector"/> for the statement's shape.</summary>
    /// <exception cref="ArgumentException">The statement is not a <see cref="ModuleLweStatement"/>.</exception>
    /// <exception cref="NexusZeroException">No parameters reach the level (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        ModuleLweStatement mlwe = AsStatement(statement);
        return ModuleLweParameterSelector.Select(mlwe.K, mlwe.L, mlwe.Eta, securityLevel).Parameters;
    }

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = ModuleLweParameters.TryFromId(id, out ModuleLweParameters? set) && Accepts(set) ? set : null;
        return parameters is not null;
    }

    /// <inheritdoc />
    public string DescribeRefusedParameterSet(ushort id) =>
        ModuleLweParameters.TryFromId(id, out ModuleLweParameters? set)
            ? $"{Name} refuses parameter set {set.Name} (id {id}): {set.DescribeSecurity()}. Only the sets its selector outputs at 128, 192 or 256 bits, or sets registered with {nameof(WithParameterSets)}, are accepted."
            : $"{Name} has no parameter set with id {id} (a packed field is out of range).";

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        statement = null;
        if (parameters is not ModuleLweParameters set)
        {
            error = $"Parameter set {parameters.Id} ({parameters.Name}) is not a Module-LWE parameter set.";
            return false;
        }

        if (!ModuleLweStatement.TryDecode(encoded, out ModuleLweStatement? decoded, out error))
        {
            return false;
        }

        if (decoded.K != set.K || decoded.L != set.L)
        {
            error = $"The statement is {decoded.K}×{decoded.L} but parameter set {set.Name} is for {set.K}×{set.L}.";
            return false;
        }

        statement = decoded;
        return true;
    }

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context) =>
        Prove(statement, witness, parameters, context, random: null);

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        ModuleLweStatement mlwe = AsStatement(statement);
        ModuleLweParameters set = AsParameters(parameters);
        if (!Accepts(set))
        {
            return VerificationResult.Invalid(VerificationFailure.UnknownProofSystem, DescribeRefusedParameterSet(set.Id));
        }

        if (mlwe.K != set.K || mlwe.L != set.L)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The statement is {mlwe.K}×{mlwe.L} but the parameters are for {set.K}×{set.L}.");
        }

        int beta = set.Tau * mlwe.Eta;
        if (beta >= set.Gamma1)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"β = τ·η = {beta} leaves no room below γ1 = {set.Gamma1}.");
        }

        if (proof.Length != ProofLength(set))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"A Module-LWE proof under {set.Name} is {ProofLength(set)} bytes, not {proof.Length}.");
        }

        // Verifier-only code: every value below is public.
        ReadOnlySpan<byte> commitmentHash = proof[..ModuleLweParameters.CommitmentHashSize];
        var z1 = new PolynomialVector(set.L);
        var z2 = new PolynomialVector(set.K);
        UnpackResponse(set, proof[ModuleLweParameters.CommitmentHashSize..], z1, z2);
        if (z1.InfinityNormAtLeast(set.Gamma1 - beta) || z2.InfinityNormAtLeast(set.Gamma1 - beta))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"The response exceeds the norm bound γ1 − β = {set.Gamma1 - beta}.");
        }

        PolynomialMatrix matrix = UniformSampler.ExpandA(mlwe.Seed, set.K, set.L);
        var w = new PolynomialVector(set.K);
        ModuleLweRelation.Evaluate(matrix, z1, z2, w);
        Span<int> challenge = stackalloc int[Polynomial.N];
        ChallengeSampler.Sample(commitmentHash, set.Tau, challenge);
        var ct = Multiply(challenge, mlwe.T);
        w.Subtract(ct);
        w.Reduce();
        w.ConditionalAddQ();

        using Transcript transcript = ProofTranscript.Begin(Id, set, mlwe, context);
        Span<byte> recomputed = stackalloc byte[ModuleLweParameters.CommitmentHashSize];
        CommitmentHash(transcript, w, recomputed);
        return CryptographicOperations.FixedTimeEquals(recomputed, commitmentHash)
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, "The challenge recomputed from A·z1 + z2 − c·t differs from c̃.");
    }

    /// <inheritdoc />
    public IReadOnlyList<MetricFigure> ReportFigures(Statement statement, ParameterSet parameters)
    {
        ModuleLweStatement mlwe = AsStatement(statement);
        ModuleLweParameterChoice choice = ModuleLweParameterSelector.Evaluate(AsParameters(parameters), mlwe.Eta);
        return
        [
            new("lattice.parameter_set_id", choice.Parameters.Id),
            new("lattice.gamma1", choice.Parameters.Gamma1),
            new("lattice.tau", choice.Parameters.Tau),
            new("lattice.beta", choice.Beta),
            new("lattice.abort_probability", 1 - choice.AcceptanceProbability),
            new("lattice.expected_repetitions", choice.ExpectedRepetitions),
            new("lattice.security.challenge", choice.ChallengeBits, "bits"),
            new("lattice.security.msis_classical", choice.SisClassicalBits, "bits"),
            new("lattice.security.msis_quantum", choice.SisQuantumBits, "bits"),
            new("lattice.security.statement_mlwe_classical", choice.StatementClassicalBits, "bits"),
        ];
    }

    /// <summary>As <see cref="Prove(Statement, Witness, ParameterSet, ReadOnlySpan{byte})"/> with injectable randomness (tests).</summary>
    internal byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context, RandomNumberGenerator? random)
    {
        ModuleLweStatement mlwe = AsStatement(statement);
        ModuleLweParameters set = AsParameters(parameters);
        if (witness is not ModuleLweWitness secret)
        {
            throw new ArgumentException($"A Module-LWE proof needs a {nameof(ModuleLweWitness)}, not {witness?.GetType().Name ?? "null"}.", nameof(witness));
        }

        if (!Accepts(set))
        {
            throw new ArgumentException(DescribeRefusedParameterSet(set.Id), nameof(parameters));
        }

        if (mlwe.K != set.K || mlwe.L != set.L || secret.S1.Length != set.L || secret.S2.Length != set.K)
        {
            throw new ArgumentException($"Statement {mlwe.K}×{mlwe.L}, witness ({secret.S1.Length}, {secret.S2.Length}) and parameters {set.K}×{set.L} disagree.", nameof(parameters));
        }

        int beta = set.Tau * mlwe.Eta;
        if (beta >= set.Gamma1)
        {
            throw new ArgumentException($"β = τ·η = {beta} leaves no room below γ1 = {set.Gamma1}.", nameof(parameters));
        }

        PolynomialMatrix matrix = UniformSampler.ExpandA(mlwe.Seed, set.K, set.L);
        CheckWitness(mlwe, secret, matrix);

        using Transcript transcript = ProofTranscript.Begin(Id, set, mlwe, context);
        var s1Ntt = secret.S1.Clone();
        var s2Ntt = secret.S2.Clone();
        var y1 = new PolynomialVector(set.L);
        var y2 = new PolynomialVector(set.K);
        var z1 = new PolynomialVector(set.L);
        var z2 = new PolynomialVector(set.K);
        var w = new PolynomialVector(set.K);
        Span<byte> maskSeed = stackalloc byte[64];
        Span<int> challenge = stackalloc int[Polynomial.N];
        Span<byte> commitmentHash = stackalloc byte[ModuleLweParameters.CommitmentHashSize];
        try
        {
            s1Ntt.Ntt();
            s2Ntt.Ntt();
            DeriveMaskSeed(transcript, secret, maskSeed, random);
            int width = set.K + set.L;
            int maxAttempts = (ushort.MaxValue + 1) / width;
            for (int attempt = 0; attempt < maxAttempts; attempt++)
            {
                int kappa = attempt * width;
                for (int r = 0; r < set.L; r++)
                {
                    MaskSampler.Sample(maskSeed, (ushort)(kappa + r), set.Gamma1Bits, y1[r]);
                }

                for (int r = 0; r < set.K; r++)
                {
                    MaskSampler.Sample(maskSeed, (ushort)(kappa + set.L + r), set.Gamma1Bits, y2[r]);
                }

                ModuleLweRelation.Evaluate(matrix, y1, y2, w);
                using (Transcript attemptTranscript = transcript.Clone())
                {
                    CommitmentHash(attemptTranscript, w, commitmentHash);
                }

                ChallengeSampler.Sample(commitmentHash, set.Tau, challenge);
                Ntt.Forward(challenge);
                Respond(challenge, s1Ntt, y1, z1);
                Respond(challenge, s2Ntt, y2, z2);
                bool reject = z1.InfinityNormAtLeast(set.Gamma1 - beta) | z2.InfinityNormAtLeast(set.Gamma1 - beta);
                if (reject)
                {
                    continue;
                }

                byte[] proof = new byte[ProofLength(set)];
                commitmentHash.CopyTo(proof);
                PackResponse(set, z1, z2, proof.AsSpan(ModuleLweParameters.CommitmentHashSize));
                return proof;
            }

            throw new NexusZeroException(NexusZeroErrorKind.ProofGenerationFailed, $"No attempt passed rejection sampling in {maxAttempts} tries under {set.Name}; the parameters abort too often for this η.");
        }
        finally
        {
            s1Ntt.Clear();
            s2Ntt.Clear();
            y1.Clear();
            y2.Clear();
            z1.Clear();
            z2.Clear();
            w.Clear();
            CryptographicOperations.ZeroMemory(maskSeed);
            challenge.Clear();
        }
    }

    private static void CheckWitness(ModuleLweStatement statement, ModuleLweWitness witness, PolynomialMatrix matrix)
    {
        if (!ModuleLweRelation.IsShort(witness.S1, statement.Eta) || !ModuleLweRelation.IsShort(witness.S2, statement.Eta))
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The witness has a coefficient outside [−{statement.Eta}, {statement.Eta}].");
        }

        var t = new PolynomialVector(statement.K);
        ModuleLweRelation.Evaluate(matrix, witness.S1, witness.S2, t);
        bool matches = CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(t.Coefficients), MemoryMarshal.AsBytes(statement.T.Coefficients));
        t.Clear();
        if (!matches)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, "The witness does not satisfy t = A·s1 + s2.");
        }
    }

    private static void DeriveMaskSeed(Transcript transcript, ModuleLweWitness witness, Span<byte> seed, RandomNumberGenerator? random)
    {
        using TranscriptRng rng = transcript.BuildRng()
            .RekeyWithWitnessBytes("s1"u8, MemoryMarshal.AsBytes(witness.S1.Coefficients))
            .RekeyWithWitnessBytes("s2"u8, MemoryMarshal.AsBytes(witness.S2.Coefficients))
            .Finalize(random);
        rng.Fill(seed);
    }

    private static void Respond(ReadOnlySpan<int> challengeNtt, PolynomialVector secretNtt, PolynomialVector mask, PolynomialVector response)
    {
        response.SetPointwiseMontgomery(challengeNtt, secretNtt);
        response.InverseNttToMontgomery();
        response.Add(mask);
        response.Reduce();
    }

    private static PolynomialVector Multiply(ReadOnlySpan<int> challenge, PolynomialVector t)
    {
        Span<int> challengeNtt = stackalloc int[Polynomial.N];
        challenge.CopyTo(challengeNtt);
        Ntt.Forward(challengeNtt);
        var tNtt = t.Clone();
        tNtt.Ntt();
        var product = new PolynomialVector(t.Length);
        product.SetPointwiseMontgomery(challengeNtt, tNtt);
        product.InverseNttToMontgomery();
        return product;
    }

    private static void CommitmentHash(Transcript transcript, PolynomialVector w, Span<byte> destination)
    {
        // w of a rejected attempt is never published, so its encoding is wiped like the mask.
        byte[] encoded = new byte[w.Length * LatticeCoefficientPacking.PolynomialBytes];
        try
        {
            LatticeCoefficientPacking.Pack(w, encoded);
            transcript.AppendMessage("w"u8, encoded);
            transcript.ChallengeBytes("c"u8, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
        }
    }

    private static void PackResponse(ModuleLweParameters set, PolynomialVector z1, PolynomialVector z2, Span<byte> destination)
    {
        int bits = set.Gamma1Bits + 1;
        int bytes = 32 * bits;
        for (int i = 0; i < set.L; i++)
        {
            BitPacking.PackOffset(z1[i], set.Gamma1, bits, destination.Slice(i * bytes, bytes));
        }

        for (int i = 0; i < set.K; i++)
        {
            BitPacking.PackOffset(z2[i], set.Gamma1, bits, destination.Slice((set.L + i) * bytes, bytes));
        }
    }

    private static void UnpackResponse(ModuleLweParameters set, ReadOnlySpan<byte> source, PolynomialVector z1, PolynomialVector z2)
    {
        int bits = set.Gamma1Bits + 1;
        int bytes = 32 * bits;
        for (int i = 0; i < set.L + set.K; i++)
        {
            Span<int> target = i < set.L ? z1[i] : z2[i - set.L];
            BitPacking.Unpack(source.Slice(i * bytes, bytes), bits, target);
            for (int j = 0; j < Polynomial.N; j++)
            {
                target[j] = set.Gamma1 - target[j];
            }
        }
    }

    private static ModuleLweStatement AsStatement(Statement statement) =>
        statement as ModuleLweStatement
        ?? throw new ArgumentException($"This system proves a {nameof(ModuleLweStatement)}, not {statement?.GetType().Name ?? "null"}.", nameof(statement));

    private static ModuleLweParameters AsParameters(ParameterSet parameters) =>
        parameters as ModuleLweParameters
        ?? throw new ArgumentException($"Parameter set {parameters?.Id} ({parameters?.Name}) is not a Module-LWE parameter set.", nameof(parameters));
}
