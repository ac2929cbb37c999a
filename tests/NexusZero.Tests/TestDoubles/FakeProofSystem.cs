using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Diagnostics;
using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>
/// A proof system for pipeline tests (not zero-knowledge, not sound against a real adversary): the proof
/// is SHA-256(parameters ‖ statement ‖ context) followed by <see cref="Padding"/> zero bytes, so tampering
/// with any bound value is detected. Knobs make proofs that never verify, big or compressible proofs,
/// slow verifications (on a <see cref="ManualTimeProvider"/>) and optimizer-unfriendly levels.
/// </summary>
internal sealed class FakeProofSystem : IProofSystem, IProofFigureReporter
{
    public ProofSystemId Id { get; init; } = ProofSystemId.LinearRelation;

    public string Name => "fake";

    public IReadOnlyList<StatementKind> SupportedStatements { get; } = [StatementKind.LinearRelation];

    /// <summary>Zero bytes appended to every proof.</summary>
    public int Padding { get; init; }

    /// <summary>When true, every proof's first byte is flipped so that none verifies.</summary>
    public bool BrokenProofs { get; init; }

    /// <summary>How far each verification moves <see cref="Clock"/>.</summary>
    public TimeSpan VerifyCost { get; init; }

    public ManualTimeProvider? Clock { get; init; }

    /// <summary>The highest level <see cref="SelectDefaultParameters"/> serves.</summary>
    public int MaxSecurityBits { get; init; } = 256;

    /// <summary>When set, <see cref="Prove"/> throws it.</summary>
    public Exception? ProveFailure { get; init; }

    public int ProveCalls => _proveCalls;

    private int _proveCalls;

    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel) =>
        FakeParameters.All.FirstOrDefault(p => p.Bits == securityLevel && p.Bits <= MaxSecurityBits)
        ?? throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"fake has no {securityLevel}-bit parameters");

    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = FakeParameters.All.FirstOrDefault(p => p.Id == id);
        return parameters is not null;
    }

    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        if (encoded.Length != 32)
        {
            statement = null;
            error = "fake statement must be 32 bytes";
            return false;
        }

        statement = new FakeStatement(encoded.ToArray());
        error = null;
        return true;
    }

    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        Interlocked.Increment(ref _proveCalls);
        if (ProveFailure is not null)
        {
            throw ProveFailure;
        }

        var fake = (FakeStatement)statement;
        if (!SHA256.HashData(((FakeWitness)witness).Secret).AsSpan().SequenceEqual(fake.Digest))
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, "witness does not match the statement");
        }

        var proof = new byte[32 + Padding];
        Tag(fake, parameters, context).CopyTo(proof, 0);
        if (BrokenProofs)
        {
            proof[0] ^= 1;
        }

        return proof;
    }

    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        Clock?.Advance(VerifyCost);
        if (proof.Length != 32 + Padding || proof[32..].ContainsAnyExcept((byte)0))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, "fake proof has the wrong shape");
        }

        return CryptographicOperations.FixedTimeEquals(proof[..32], Tag((FakeStatement)statement, parameters, context))
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, "fake tag does not match");
    }

    public IReadOnlyList<MetricFigure> ReportFigures(Statement statement, ParameterSet parameters) =>
        [new MetricFigure("fake.security", parameters.SecurityBits, "bits")];

    private static byte[] Tag(FakeStatement statement, ParameterSet parameters, ReadOnlySpan<byte> context) =>
        SHA256.HashData([.. parameters.ToCanonicalBytes(), .. statement.Digest, .. context]);
}
