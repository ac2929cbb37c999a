using NexusZero.Circuits;
using NexusZero.Diagnostics;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Circuits.Tests.Envelopes;

/// <summary>Groth16 circuit proofs in NexusZero envelopes: the key pinned by the verifier, the context bound.</summary>
public sealed class CircuitEnvelopeTests
{
    private static readonly ProtocolConfig Bn254Level = ProtocolConfig.Default() with { SecurityLevel = 100 };

    // y = x³ + x + 5 with y public, then the context binding input.
    private static BuiltCircuit Cubic(CircuitBuilder builder, ulong x, bool bindContextInConstraint = false)
    {
        var secret = builder.Witness(FieldElement.FromUInt64(x));
        var cube = builder.Multiply(builder.Multiply(secret, secret), secret);
        var y = builder.PublicInput("y", FieldElement.FromUInt64((x * x * x) + x + 5));
        var context = builder.PublicInput("context", FieldElement.Zero);
        builder.AssertEqual(cube + secret + FieldElement.FromUInt64(5), y, "y");
        if (bindContextInConstraint)
        {
            builder.AssertEqual(context, LinearCombination.Constant(FieldElement.Zero), "context is zero");
        }

        return builder.Build();
    }

    private static readonly Lazy<Groth16ProvingKey> Key = new(() => Groth16DevelopmentSetup.CreateKeys(Cubic(CircuitBuilder.ForSetup(), 0).System));
    private static readonly Lazy<Groth16ProvingKey> OtherKey = new(() => Groth16DevelopmentSetup.CreateKeys(Cubic(CircuitBuilder.ForSetup(), 0).System));

    private static ProofResult Prove(NexuszeroApi api, ulong x, byte[] context, Groth16ProvingKey? key = null)
    {
        key ??= Key.Value;
        var circuit = Cubic(CircuitBuilder.ForProving(), x);
        var statement = new CircuitStatement(key.VerifyingKey, [circuit.PublicValues[0]]);
        using var witness = new CircuitWitness(key, circuit.System, circuit.Witness);
        return api.Prove(new ProofRequest(Groth16ProofSystem.Instance, statement, witness, context));
    }

    private static CircuitStatement Expected(ulong y, Groth16ProvingKey? key = null) =>
        new((key ?? Key.Value).VerifyingKey, [FieldElement.FromUInt64(y)]);

    [Fact]
    public void AnEnvelopeVerifiesAgainstThePinnedKeyAndIsStoredRaw()
    {
        var api = new NexuszeroApi(Bn254Level);
        var result = Prove(api, 3, "session-1"u8.ToArray());
        Assert.True(result.Metrics.VerifyAfterResult!.IsValid);
        Assert.Equal(Groth16Proof.EncodedLength, result.Metrics.OriginalPayloadSize);
        Assert.Equal(Compression.CompressionCodecId.None, result.Metrics.Codec);
        var verdict = api.Verify(result.Envelope.ToBytes(), Expected(35));
        Assert.True(verdict.IsValid, verdict.Reason);
    }

    [Fact]
    public void WithoutAPinnedKeyTheEnvelopeIsRefusedUnlessTheRegistryTrustsTheKey()
    {
        var api = new NexuszeroApi(Bn254Level);
        var bytes = Prove(api, 3, []).Envelope.ToBytes();
        var unpinned = api.Verify(bytes);
        Assert.False(unpinned.IsValid);
        Assert.Equal(VerificationFailure.KeyNotPinned, unpinned.Failure);

        var registry = ProofSystemRegistry.Default.With(Groth16ProofSystem.Instance.WithTrustedKeys([Key.Value.VerifyingKey]));
        Assert.True(new NexuszeroApi(Bn254Level, registry: registry).Verify(bytes).IsValid);
        var otherRegistry = ProofSystemRegistry.Default.With(Groth16ProofSystem.Instance.WithTrustedKeys([OtherKey.Value.VerifyingKey]));
        Assert.Equal(VerificationFailure.KeyNotPinned, new NexuszeroApi(Bn254Level, registry: otherRegistry).Verify(bytes).Failure);
    }

    [Fact]
    public void OtherPublicInputsOtherKeysOtherContextsAndEveryChangedByteAreRejected()
    {
        var api = new NexuszeroApi(Bn254Level);
        var bytes = Prove(api, 3, "ctx"u8.ToArray()).Envelope.ToBytes();
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, Expected(36)).Failure);
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, Expected(35, OtherKey.Value)).Failure);

        // The same proof with another context: the binding input differs, so the pairing check fails.
        var envelope = ProofEnvelope.Parse(bytes);
        var moved = new ProofEnvelope(envelope.ProofSystem, envelope.ParameterSetId, envelope.Statement.Span, "other"u8, envelope.Payload.Span).ToBytes();
        Assert.Equal(VerificationFailure.EquationFailed, api.Verify(moved, Expected(35)).Failure);

        var rejected = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            rejected += api.Verify(tampered, Expected(35)).IsValid ? 0 : 1;
        }

        Assert.Equal(bytes.Length, rejected);
    }

    [Fact]
    public void TheBn254SetIsBelowTheDefaultFloorAndSaysSo()
    {
        var api = new NexuszeroApi();
        var error = Assert.Throws<NexusZeroException>(() => Prove(api, 3, []));
        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
        Assert.Contains("SecurityLevel to 100", error.Message, StringComparison.Ordinal);
        var bytes = Prove(new NexuszeroApi(Bn254Level), 3, []).Envelope.ToBytes();
        Assert.Equal(VerificationFailure.InsufficientSecurity, api.Verify(bytes, Expected(35)).Failure);
    }

    [Fact]
    public void ACircuitThatConstrainsTheBindingInputIsRefusedByTheProver()
    {
        var setup = Cubic(CircuitBuilder.ForSetup(), 0, bindContextInConstraint: true);
        var key = Groth16DevelopmentSetup.CreateKeys(setup.System);
        var circuit = Cubic(CircuitBuilder.ForProving(), 3, bindContextInConstraint: true);
        using var witness = new CircuitWitness(key, circuit.System, circuit.Witness);
        var request = new ProofRequest(Groth16ProofSystem.Instance, new CircuitStatement(key.VerifyingKey, [circuit.PublicValues[0]]), witness, "c"u8.ToArray());
        var error = Assert.Throws<NexusZeroException>(() => new NexuszeroApi(Bn254Level).Prove(request));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.Contains("context is zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatementEncodingRoundTripsAndIsStrict()
    {
        var statement = Expected(35);
        var bytes = statement.ToCanonicalBytes();
        Assert.Equal(32 + 4 + 32, bytes.Length);
        Assert.True(CircuitStatement.TryDecode(bytes, out var decoded, out _));
        Assert.Equal(statement, decoded);
        Assert.Null(decoded.Key);

        Assert.False(CircuitStatement.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out _, out var shortError));
        Assert.Contains("is 68 bytes, not 67", shortError, StringComparison.Ordinal);
        var huge = (byte[])bytes.Clone();
        huge[32] = 0xFF;
        Assert.False(CircuitStatement.TryDecode(huge, out _, out var countError));
        Assert.Contains("at most", countError, StringComparison.Ordinal);
        var nonCanonical = (byte[])bytes.Clone();
        nonCanonical.AsSpan(36).Fill(0xFF);
        Assert.False(CircuitStatement.TryDecode(nonCanonical, out _, out var fieldError));
        Assert.Contains("not a canonical element", fieldError, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoProofsOfTheSameStatementDiffer()
    {
        var api = new NexuszeroApi(Bn254Level);
        Assert.NotEqual(Prove(api, 3, []).Envelope.Payload.ToArray(), Prove(api, 3, []).Envelope.Payload.ToArray());
    }
}
