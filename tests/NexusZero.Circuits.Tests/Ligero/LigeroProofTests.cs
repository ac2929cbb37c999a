using NexusZero.Circuits;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>Completeness and rejection of Ligero circuit proofs, directly and through envelopes.</summary>
public sealed class LigeroProofTests
{
    private static CircuitStatement StatementOf(BuiltCircuit circuit) => new(circuit.System, circuit.PublicValues);

    private static byte[] Prove(BuiltCircuit circuit, LigeroParameters parameters, byte[] context)
    {
        using var witness = new CircuitAssignment(circuit.System, circuit.Witness);
        return LigeroProofSystem.Instance.Prove(StatementOf(circuit), witness, parameters, context);
    }

    public static TheoryData<int, ushort> Grid() => new()
    {
        { 2, 1 }, { 3, 2 }, { 7, 1 }, { 64, 2 }, { 100, 1 }, { 257, 2 }, { 1000, 1 }, { 3001, 2 },
    };

    [Theory]
    [MemberData(nameof(Grid))]
    public void HonestProofsVerifyAndHaveTheLayoutsLength(int constraints, ushort parameterId)
    {
        var parameters = LigeroParameters.All.Single(p => p.Id == parameterId);
        var circuit = LigeroCircuits.Chain(constraints, 7);
        var proof = Prove(circuit, parameters, "ctx"u8.ToArray());
        Assert.Equal(LigeroProofSystem.Instance.ExpectedProofLength(StatementOf(circuit), parameters), proof.Length);
        var result = LigeroProofSystem.Instance.Verify(StatementOf(circuit), proof, parameters, "ctx"u8);
        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void OtherPublicInputsCircuitsContextsAndParameterSetsAreRejected()
    {
        var circuit = LigeroCircuits.Chain(20, 5);
        var parameters = LigeroParameters.Bits100;
        var proof = Prove(circuit, parameters, "ctx"u8.ToArray());
        var system = LigeroProofSystem.Instance;
        Assert.True(system.Verify(StatementOf(circuit), proof, parameters, "ctx"u8).IsValid);

        var otherInputs = new CircuitStatement(circuit.System, [circuit.PublicValues[0], circuit.PublicValues[1] + FieldElement.One]);
        Assert.False(system.Verify(otherInputs, proof, parameters, "ctx"u8).IsValid);
        Assert.False(system.Verify(StatementOf(circuit), proof, parameters, "ctx2"u8).IsValid);

        // Another circuit (one squaring more) with the same public values.
        var other = LigeroCircuits.Chain(21, 5);
        var moved = new CircuitStatement(other.System, circuit.PublicValues);
        Assert.NotEqual(circuit.System.ComputeDigest(), other.System.ComputeDigest());
        Assert.False(system.Verify(moved, proof, parameters, "ctx"u8).IsValid);

        // The 128-bit set has another length; a proof of the right length for it still fails.
        Assert.Equal(VerificationFailure.MalformedProof, system.Verify(StatementOf(circuit), proof, LigeroParameters.Bits128, "ctx"u8).Failure);
    }

    [Fact]
    public void EveryChangedByteInEverySectionIsRejected()
    {
        var circuit = LigeroCircuits.Cubic(3);
        var parameters = LigeroParameters.Bits100;
        var statement = StatementOf(circuit);
        var proof = Prove(circuit, parameters, []);
        var layout = Proofs.Circuits.Ligero.LigeroLayout.For(circuit.System, parameters)!;

        // Every byte of the root and of each section's first and last element, and a stride through the rest.
        var positions = new SortedSet<int>();
        for (var i = 0; i < 32; i++)
        {
            positions.Add(i);
        }

        var responses = 32 * (layout.D + layout.D + layout.QuotientLength);
        var queryLength = LigeroLayoutQueryLength(layout);
        foreach (var start in new[] { 32, 32 + (32 * layout.D), 32 + (64 * layout.D), 32 + responses })
        {
            for (var i = 0; i < 64; i++)
            {
                positions.Add(start + i);
            }
        }

        for (var q = 0; q < layout.Queries; q += 37)
        {
            var start = 32 + responses + (q * queryLength);
            for (var i = 0; i < queryLength; i += 7)
            {
                positions.Add(start + i);
            }
        }

        for (var i = 0; i < proof.Length; i += 997)
        {
            positions.Add(i);
        }

        positions.Add(proof.Length - 1);
        foreach (var position in positions)
        {
            var tampered = (byte[])proof.Clone();
            tampered[position] ^= 0x01;
            Assert.False(LigeroProofSystem.Instance.Verify(statement, tampered, parameters, []).IsValid, $"byte {position} changed and still verified");
        }

        Assert.False(LigeroProofSystem.Instance.Verify(statement, proof[..^1], parameters, []).IsValid);
        Assert.False(LigeroProofSystem.Instance.Verify(statement, [.. proof, 0], parameters, []).IsValid);
    }

    private static int LigeroLayoutQueryLength(Proofs.Circuits.Ligero.LigeroLayout layout) =>
        32 + (32 * layout.RowCount) + (32 * layout.LogN);

    [Fact]
    public void AnUnsatisfyingWitnessIsRefusedNamingTheConstraint()
    {
        var circuit = LigeroCircuits.Chain(10, 4, claimedC: 9);
        using var witness = new CircuitAssignment(circuit.System, circuit.Witness);
        var error = Assert.Throws<NexusZeroException>(() => LigeroProofSystem.Instance.Prove(StatementOf(circuit), witness, LigeroParameters.Bits100, []));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.Contains("c = x + 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopesVerifyAgainstThePinnedCircuitAndBindTheParameterSet()
    {
        var api = new NexuszeroApi(ProtocolConfig.Default());
        var circuit = LigeroCircuits.Cubic(3);
        var result = api.ProveCircuit(circuit.System, circuit.Witness, CircuitBackend.PostQuantum, context: "session"u8);
        var bytes = result.Envelope.ToBytes();
        Assert.Equal(ProofSystemId.LigeroR1cs, result.Envelope.ProofSystem);
        Assert.Equal(LigeroParameters.Bits128.Id, result.Envelope.ParameterSetId);
        var verdict = api.Verify(bytes, StatementOf(circuit));
        Assert.True(verdict.IsValid, verdict.Reason);

        Assert.Equal(VerificationFailure.KeyNotPinned, api.Verify(bytes).Failure);
        var registry = ProofSystemRegistry.Default.With(LigeroProofSystem.Instance.WithTrustedCircuits([circuit.System]));
        Assert.True(new NexuszeroApi(ProtocolConfig.Default(), registry: registry).Verify(bytes).IsValid);

        var other = LigeroCircuits.Cubic(4);
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, StatementOf(other)).Failure);

        // The 100-bit set proves at SecurityLevel 100 and is refused by a 128-bit verifier.
        var weak = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var weakBytes = weak.ProveCircuit(circuit.System, circuit.Witness, CircuitBackend.PostQuantum).Envelope.ToBytes();
        Assert.True(weak.Verify(weakBytes, StatementOf(circuit)).IsValid);
        Assert.Equal(VerificationFailure.InsufficientSecurity, api.Verify(weakBytes, StatementOf(circuit)).Failure);

        // Same statement and proof, another parameter-set id in the envelope: the transcript binds the set.
        var envelope = ProofEnvelope.Parse(bytes);
        var relabelled = new ProofEnvelope(envelope.ProofSystem, LigeroParameters.Bits100.Id, envelope.Statement.Span, envelope.Context.Span, envelope.Payload.Span).ToBytes();
        Assert.False(weak.Verify(relabelled, StatementOf(circuit)).IsValid);
        var otherContext = new ProofEnvelope(envelope.ProofSystem, envelope.ParameterSetId, envelope.Statement.Span, "other"u8, envelope.Payload.Span).ToBytes();
        Assert.Equal(VerificationFailure.EquationFailed, api.Verify(otherContext, StatementOf(circuit)).Failure);
    }

    [Fact]
    public void TheSameCircuitProvesUnderBothBackends()
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var b = CircuitBuilder.ForProving();
        var secret = b.Witness(FieldElement.FromUInt64(3));
        var y = b.PublicInput("y", FieldElement.FromUInt64(35));
        b.PublicInput("context", FieldElement.Zero);
        b.AssertEqual(b.Multiply(b.Multiply(secret, secret), secret) + secret + FieldElement.FromUInt64(5), y, "y");
        var circuit = b.Build();
        var key = Proofs.Groth16.Groth16DevelopmentSetup.CreateKeys(circuit.System);

        var groth16 = api.ProveCircuit(circuit.System, circuit.Witness, CircuitBackend.Groth16, key);
        Assert.True(api.Verify(groth16.Envelope.ToBytes(), new CircuitStatement(key.VerifyingKey, [circuit.PublicValues[0]])).IsValid);
        var pq = api.ProveCircuit(circuit.System, circuit.Witness, CircuitBackend.PostQuantum);
        Assert.True(api.Verify(pq.Envelope.ToBytes(), new CircuitStatement(circuit.System, circuit.PublicValues)).IsValid);
    }

    [Fact]
    public void TheShippedSetsClaimWhatTheFormulaGives()
    {
        Assert.Equal(100, LigeroParameters.Bits100.SecurityBits);
        Assert.Equal(128, LigeroParameters.Bits128.SecurityBits);
        Assert.InRange(LigeroParameters.SoundnessBits(3, 148), 100.0, 101.0);
        Assert.InRange(LigeroParameters.SoundnessBits(3, 189), 128.0, 129.0);
        Assert.InRange(LigeroParameters.SoundnessBits(3, 147), 99.0, 100.0);
        Assert.NotEqual(LigeroParameters.Bits100.ToCanonicalBytes(), LigeroParameters.Bits128.ToCanonicalBytes());
        Assert.Contains("proven", LigeroParameters.Bits128.DescribeSecurity(), StringComparison.Ordinal);
        var error = Assert.Throws<NexusZeroException>(() => LigeroProofSystem.Instance.SelectDefaultParameters(StatementOf(LigeroCircuits.Cubic(1)), 192));
        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
    }

    [Fact]
    public void NonCanonicalElementsAreMalformedAndNamed()
    {
        var circuit = LigeroCircuits.Cubic(2);
        var statement = StatementOf(circuit);
        var proof = Prove(circuit, LigeroParameters.Bits100, []);
        var layout = Proofs.Circuits.Ligero.LigeroLayout.For(circuit.System, LigeroParameters.Bits100)!;
        foreach (var (offset, section) in new[] { (32, "q0"), (32 + (32 * layout.D), "q1"), (32 + (64 * layout.D), "quotient"), (32 + (32 * ((2 * layout.D) + layout.QuotientLength)) + 32, "column 0") })
        {
            var tampered = (byte[])proof.Clone();
            tampered.AsSpan(offset, 32).Fill(0xff);
            var result = LigeroProofSystem.Instance.Verify(statement, tampered, LigeroParameters.Bits100, []);
            Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
            Assert.Contains(section, result.Reason, StringComparison.Ordinal);
        }

        // Without the pinned circuit the verifier cannot know the length, and says which circuit it lacks.
        Assert.True(CircuitStatement.TryDecode(statement.ToCanonicalBytes(), out var decoded, out _));
        Assert.Null(LigeroProofSystem.Instance.ExpectedProofLength(decoded, LigeroParameters.Bits100));
        Assert.Equal(VerificationFailure.KeyNotPinned, LigeroProofSystem.Instance.Verify(decoded, proof, LigeroParameters.Bits100, []).Failure);
    }
}
