using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Tests.Transcripts;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>Schnorr over ristretto255 through the shipped <see cref="SchnorrProofSystem.Instance"/>.</summary>
public sealed class Ristretto255SchnorrTests : SchnorrProofSystemTests
{
    private protected override IPrimeOrderGroup Group => Ristretto255Group.Instance;

    private protected override SchnorrProofSystem System => SchnorrProofSystem.Instance;

    [Fact]
    public void Shipped_system_has_the_ristretto255_parameter_set()
    {
        var set = Assert.Single(SchnorrProofSystem.Instance.ParameterSets, s => s.Id == (ushort)GroupId.Ristretto255);
        Assert.Equal("ristretto255", set.Name);
        Assert.Equal(128, set.SecurityBits);
        Assert.Equal(64, SchnorrProofSystem.ProofLength(Ristretto255Group.Instance));

        var canonical = set.ToCanonicalBytes();
        Assert.Equal("0100200020" + Convert.ToHexStringLower(Ristretto255Group.Instance.Generator.ToBytes()), Convert.ToHexStringLower(canonical));
    }

    [Fact]
    public void Identity_in_a_statement_encoding_is_rejected()
    {
        var (statement, _) = NewInstance(Group.Generator);
        var encoded = statement.ToCanonicalBytes();
        Group.Identity.Encode(encoded.AsSpan(1 + Group.ElementLength));
        Assert.False(System.TryDecodeStatement(encoded, System.ParametersFor(Group), out _, out var error));
        Assert.Contains("identity", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_of_another_group_are_refused()
    {
        var (statement, witness) = NewInstance(Group.Generator);
        using (witness)
        {
            var testParameters = new GroupParameterSet(InsecureTestGroup.Instance);
            Assert.Throws<ArgumentException>(() => System.Prove(statement, witness, testParameters, []));
            Assert.Throws<ArgumentException>(() => System.Verify(statement, new byte[64], testParameters, []));

            // A system that knows both groups reports the mismatch as an invalid statement instead.
            var both = new SchnorrProofSystem([Ristretto255Group.Instance, InsecureTestGroup.Instance]);
            var proof = both.Prove(statement, witness, both.ParametersFor(Group), []);
            var result = both.Verify(statement, proof, both.ParametersFor(InsecureTestGroup.Instance), []);
            Assert.Equal(VerificationFailure.InvalidStatement, result.Failure);
            Assert.Throws<ArgumentException>(() => both.Prove(statement, witness, both.ParametersFor(InsecureTestGroup.Instance), []));
        }
    }

    [Fact]
    public void Elements_of_another_group_are_refused_in_statements()
    {
        Assert.Throws<ArgumentException>(() => new DiscreteLogStatement(Group, InsecureTestGroup.Instance.Generator));
        Assert.Throws<ArgumentException>(() => new DiscreteLogStatement(Group, InsecureTestGroup.Instance.Generator, Group.Generator));
    }

    [Fact]
    public void Golden_schnorr_envelope_keeps_verifying()
    {
        var v = VectorFile.ReadFields("Proofs/schnorr-ristretto255-envelope-v1.txt");
        var bytes = Convert.FromHexString(v["envelope"]);
        var (accepted, reason) = EnvelopeHarness.ParseAndVerify(bytes, ProofSystemRegistry.Default);
        Assert.True(accepted, reason);

        // The vector was produced from this secret and a transcript RNG fed with 32 bytes of 0x2a.
        using var witness = new DiscreteLogWitness(Group, Convert.FromHexString(v["secret"]));
        var envelope = ProofEnvelope.Parse(bytes);
        Assert.True(System.TryDecodeStatement(envelope.Statement.Span, System.ParametersFor(Group), out var statement, out _));
        var proof = System.Prove(statement, witness, System.ParametersFor(Group), envelope.Context.Span, new FixedRandomNumberGenerator(0x2a));
        Assert.Equal(v["proof"], Convert.ToHexStringLower(proof));
    }
}
