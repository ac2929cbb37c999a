using System.Diagnostics.CodeAnalysis;
using NexusZero.Circuits;
using NexusZero.Proofs.Circuits.Ligero;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// The post-quantum, transparent backend for circuits: the Ligero argument (Ames, Hazay, Ishai, Venkitasubramaniam,
/// CCS 2017) over BN254's scalar field, with SHA3-256 Merkle commitments and Fiat–Shamir through the NexusZero
/// transcript. No trusted setup; soundness rests on the hash alone (docs/security.md, "Ligero"). It proves
/// <see cref="CircuitStatement"/>s built from the circuit (<see cref="CircuitStatement(ConstraintSystem, IReadOnlyList{FieldElement})"/>),
/// verified only against a circuit the verifier pins, never one the envelope could carry.
/// </summary>
public sealed class LigeroProofSystem : IProofSystem
{
    private readonly Dictionary<string, ConstraintSystem> _trusted;

    private LigeroProofSystem(Dictionary<string, ConstraintSystem> trusted) => _trusted = trusted;

    /// <summary>The system with no registered circuits: it verifies only against the caller's statement's circuit.</summary>
    public static LigeroProofSystem Instance { get; } = new([]);

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.LigeroR1cs;

    /// <inheritdoc />
    public string Name => "Ligero (R1CS over BN254 Fr, SHA3-256)";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements { get; } = [StatementKind.Circuit];

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <summary>A system that also verifies envelopes without an expected statement for these circuits.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="circuits"/> or one of them is null.</exception>
    public LigeroProofSystem WithTrustedCircuits(IEnumerable<ConstraintSystem> circuits)
    {
        ArgumentNullException.ThrowIfNull(circuits);
        var trusted = new Dictionary<string, ConstraintSystem>(_trusted);
        foreach (var circuit in circuits)
        {
            ArgumentNullException.ThrowIfNull(circuit, nameof(circuits));
            trusted[Convert.ToHexString(circuit.ComputeDigest())] = circuit;
        }

        return new LigeroProofSystem(trusted);
    }

    /// <inheritdoc />
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        foreach (var parameters in LigeroParameters.All)
        {
            if (parameters.SecurityBits >= securityLevel)
            {
                return parameters;
            }
        }

        throw new NexusZeroException(
            NexusZeroErrorKind.OptimizationFailed,
            $"Ligero ships parameter sets of 100 and 128 bits; {securityLevel} bits were requested. Set ProtocolConfig.SecurityLevel to 128 or 100.");
    }

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = LigeroParameters.All.FirstOrDefault(p => p.Id == id);
        return parameters is not null;
    }

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters)
    {
        if (statement is CircuitStatement circuitStatement && parameters is LigeroParameters ligero
            && TryGetCircuit(circuitStatement, out var circuit) && LigeroLayout.For(circuit, ligero) is { } layout
            && layout.ProofLength <= int.MaxValue)
        {
            return (int)layout.ProofLength;
        }

        return null;
    }

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var decoded = CircuitStatement.TryDecode(encoded, out var circuit, out error);
        statement = circuit;
        return decoded;
    }

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var circuitStatement = statement as CircuitStatement ?? throw new ArgumentException($"{Name} proves circuit statements, not {statement?.Kind}.", nameof(statement));
        var assignment = witness as CircuitAssignment ?? throw new ArgumentException($"{Name} needs a {nameof(CircuitAssignment)}.", nameof(witness));
        var ligero = parameters as LigeroParameters ?? throw new ArgumentException($"{Name} proves with a Ligero parameter set, not {parameters?.Name}.", nameof(parameters));
        return Prove(circuitStatement, assignment, ligero, context, tamper: null);
    }

    /// <summary>Proves, optionally letting an adversarial test change the responses (<paramref name="tamper"/>).</summary>
    internal static byte[] Prove(CircuitStatement statement, CircuitAssignment witness, LigeroParameters parameters, ReadOnlySpan<byte> context, LigeroProver.ResponseTamper? tamper)
    {
        var system = witness.System;
        if (!system.ComputeDigest().AsSpan().SequenceEqual(statement.KeyDigest.Span))
        {
            throw new ArgumentException("The statement names another circuit than the witness's.", nameof(statement));
        }

        if (system.PublicCount != statement.PublicInputs.Count)
        {
            throw new ArgumentException($"The circuit has {system.PublicCount} public values; the statement has {statement.PublicInputs.Count}.", nameof(statement));
        }

        var values = witness.Values;
        for (var i = 0; i < statement.PublicInputs.Count; i++)
        {
            if (values[1 + i] != statement.PublicInputs[i])
            {
                throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"Public value {i} of the witness differs from the statement's.");
            }
        }

        var satisfied = system.IsSatisfied(values);
        if (!satisfied.IsSatisfied)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The witness does not satisfy the circuit: {satisfied.Reason}");
        }

        var layout = LigeroLayout.For(system, parameters)
            ?? throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The circuit ({system.VariableCount} wires, {system.ConstraintCount} constraints) is too large for {parameters.Name}: its code would exceed Fr's 2^28 evaluation domain.");
        using var transcript = ProofTranscript.Begin(ProofSystemId.LigeroR1cs, parameters, statement, context);
        return LigeroProver.Prove(layout, system, values, transcript, tamper);
    }

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var circuitStatement = statement as CircuitStatement ?? throw new ArgumentException($"{Name} verifies circuit statements, not {statement?.Kind}.", nameof(statement));
        var ligero = parameters as LigeroParameters ?? throw new ArgumentException($"{Name} verifies with a Ligero parameter set, not {parameters?.Name}.", nameof(parameters));
        if (!TryGetCircuit(circuitStatement, out var circuit))
        {
            return VerificationResult.Invalid(
                VerificationFailure.KeyNotPinned,
                $"The envelope names circuit {Convert.ToHexStringLower(circuitStatement.KeyDigest.Span)}, which this verifier was not given: pass the expected CircuitStatement built from the trusted ConstraintSystem, or register it with LigeroProofSystem.WithTrustedCircuits.");
        }

        return VerifyPinned(circuitStatement, circuit, ligero, proof, context);
    }

    /// <summary>Verification against a pinned circuit, for any parameter set (tests use tiny ones).</summary>
    internal static VerificationResult VerifyPinned(CircuitStatement statement, ConstraintSystem circuit, LigeroParameters parameters, ReadOnlySpan<byte> proof, ReadOnlySpan<byte> context)
    {
        if (!circuit.ComputeDigest().AsSpan().SequenceEqual(statement.KeyDigest.Span))
        {
            return VerificationResult.Invalid(VerificationFailure.StatementMismatch, "The statement names another circuit than the one supplied.");
        }

        if (circuit.PublicCount != statement.PublicInputs.Count)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The circuit has {circuit.PublicCount} public values, not {statement.PublicInputs.Count}.");
        }

        if (LigeroLayout.For(circuit, parameters) is not { } layout)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The circuit is too large for {parameters.Name}.");
        }

        using var transcript = ProofTranscript.Begin(ProofSystemId.LigeroR1cs, parameters, statement, context);
        return LigeroVerifier.Verify(layout, circuit, statement.PublicInputs, proof, transcript);
    }

    private bool TryGetCircuit(CircuitStatement statement, [NotNullWhen(true)] out ConstraintSystem? circuit)
    {
        circuit = statement.Circuit;
        return circuit is not null || _trusted.TryGetValue(Convert.ToHexString(statement.KeyDigest.Span), out circuit);
    }
}
