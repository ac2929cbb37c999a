using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Tests.Transcripts;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>Schnorr tests that hold in every group; one subclass per group.</summary>
public abstract class SchnorrProofSystemTests
{
    private static readonly byte[] Context = "schnorr test context"u8.ToArray();

    private protected abstract IPrimeOrderGroup Group { get; }

    private protected abstract SchnorrProofSystem System { get; }

    private GroupParameterSet Parameters => System.ParametersFor(Group);

    [Fact]
    public void Honest_proof_verifies_with_the_standard_generator()
    {
        var (statement, witness) = NewInstance(Group.Generator);
        using (witness)
        {
            var proof = System.Prove(statement, witness, Parameters, Context);
            Assert.Equal(SchnorrProofSystem.ProofLength(Group), proof.Length);
            Assert.True(System.Verify(statement, proof, Parameters, Context).IsValid);
        }
    }

    [Fact]
    public void Honest_proof_verifies_with_a_custom_generator_and_empty_context()
    {
        var (statement, witness) = NewInstance(CustomGenerator());
        using (witness)
        {
            var proof = System.Prove(statement, witness, Parameters, []);
            Assert.Equal(VerificationResult.Valid, System.Verify(statement, proof, Parameters, []));
        }
    }

    [Fact]
    public void Wrong_secret_is_refused_at_proving_without_revealing_it()
    {
        var (statement, _) = NewInstance(Group.Generator);
        using var wrong = Group.RandomScalar();
        using var witness = new DiscreteLogWitness(wrong);

        var ex = Assert.Throws<NexusZeroException>(() => System.Prove(statement, witness, Parameters, Context));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, ex.Kind);
        Assert.DoesNotContain(Convert.ToHexStringLower(wrong.ToBytes()), ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Proof_for_X_does_not_verify_for_another_X()
    {
        var (statement, proof) = NewProof(Group.Generator);
        var (other, _) = NewInstance(Group.Generator);

        var result = System.Verify(other, proof, Parameters, Context);
        Assert.False(result.IsValid);
        Assert.Equal(VerificationFailure.EquationFailed, result.Failure);
        Assert.True(System.Verify(statement, proof, Parameters, Context).IsValid);
    }

    [Fact]
    public void Altered_context_is_rejected()
    {
        var (statement, proof) = NewProof(Group.Generator);
        Assert.False(System.Verify(statement, proof, Parameters, "other context"u8).IsValid);
        Assert.False(System.Verify(statement, proof, Parameters, []).IsValid);
        Assert.False(System.Verify(statement, proof, Parameters, Context.AsSpan(1)).IsValid);
    }

    [Fact]
    public void Altered_generator_is_rejected()
    {
        var (statement, proof) = NewProof(Group.Generator);
        var altered = new DiscreteLogStatement(Group, CustomGenerator(), statement.PublicValue);
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(altered, proof, Parameters, Context).Failure);
    }

    [Fact]
    public void Every_single_byte_change_of_the_proof_is_rejected()
    {
        var (statement, proof) = NewProof(Group.Generator);
        foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (var i = 0; i < proof.Length; i++)
            {
                var tampered = (byte[])proof.Clone();
                tampered[i] ^= mask;
                var result = System.Verify(statement, tampered, Parameters, Context);
                Assert.False(result.IsValid, $"byte {i} ^ 0x{mask:x2} was accepted");
                Assert.Contains(result.Failure, new[] { VerificationFailure.MalformedProof, VerificationFailure.EquationFailed });
            }
        }
    }

    [Fact]
    public void Wrong_proof_lengths_are_malformed()
    {
        var (statement, proof) = NewProof(Group.Generator);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, proof.AsSpan(0, proof.Length - 1), Parameters, Context).Failure);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, [.. proof, 0], Parameters, Context).Failure);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, [], Parameters, Context).Failure);
    }

    [Fact]
    public void Non_canonical_response_is_malformed()
    {
        var (statement, proof) = NewProof(Group.Generator);
        var tampered = (byte[])proof.Clone();
        tampered.AsSpan(Group.ElementLength).Fill(0xFF);
        var result = System.Verify(statement, tampered, Parameters, Context);
        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
    }

    [Fact]
    public void Non_canonical_commitment_is_malformed()
    {
        var (statement, proof) = NewProof(Group.Generator);
        var tampered = (byte[])proof.Clone();
        tampered.AsSpan(0, Group.ElementLength).Fill(0xFF);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, tampered, Parameters, Context).Failure);
    }

    [Fact]
    public void Statement_round_trips_through_TryDecodeStatement()
    {
        var (statement, _) = NewInstance(CustomGenerator());
        var encoded = statement.ToCanonicalBytes();
        Assert.Equal(1 + 2 * Group.ElementLength, encoded.Length);
        Assert.Equal((byte)Group.Id, encoded[0]);

        Assert.True(System.TryDecodeStatement(encoded, Parameters, out var decoded, out var error), error);
        Assert.Equal<Statement>(statement, decoded);
        var dlog = Assert.IsType<DiscreteLogStatement>(decoded);
        Assert.Equal(statement.Generator, dlog.Generator);
        Assert.Equal(statement.PublicValue, dlog.PublicValue);
    }

    [Fact]
    public void Bad_statement_encodings_are_rejected_with_a_reason()
    {
        var (statement, _) = NewInstance(Group.Generator);
        var encoded = statement.ToCanonicalBytes();
        var length = Group.ElementLength;

        var wrongGroup = (byte[])encoded.Clone();
        wrongGroup[0] ^= 0x40;
        var nonCanonical = (byte[])encoded.Clone();
        nonCanonical.AsSpan(1 + length).Fill(0xFF);
        List<byte[]> bads = [wrongGroup, nonCanonical, encoded[..^1], [.. encoded, 0], []];

        // Groups whose encoding has a code for the identity (ristretto255) must refuse it in a statement;
        // secp256k1's SEC1 compressed encoding has none, so the case cannot arise there.
        if (IdentityEncoding() is { } identity)
        {
            var identityX = (byte[])encoded.Clone();
            identity.CopyTo(identityX.AsSpan(1 + length));
            var identityG = (byte[])encoded.Clone();
            identity.CopyTo(identityG.AsSpan(1, length));
            bads.Add(identityX);
            bads.Add(identityG);
        }

        foreach (var bad in bads)
        {
            Assert.False(System.TryDecodeStatement(bad, Parameters, out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void Statement_constructor_rejects_identity()
    {
        var (statement, _) = NewInstance(Group.Generator);
        Assert.Throws<ArgumentException>(() => new DiscreteLogStatement(Group, Group.Identity, statement.PublicValue));
        Assert.Throws<ArgumentException>(() => new DiscreteLogStatement(Group, Group.Generator, Group.Identity));
    }

    [Fact]
    public void Proof_is_deterministic_for_a_fixed_random_source_and_varies_with_it()
    {
        var (statement, witness) = NewInstance(Group.Generator);
        using (witness)
        {
            var a = System.Prove(statement, witness, Parameters, Context, new FixedRandomNumberGenerator(7));
            var b = System.Prove(statement, witness, Parameters, Context, new FixedRandomNumberGenerator(7));
            var c = System.Prove(statement, witness, Parameters, Context, new FixedRandomNumberGenerator(8));
            var d = System.Prove(statement, witness, Parameters, Context);
            var e = System.Prove(statement, witness, Parameters, Context);
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
            Assert.NotEqual(d, e);
            Assert.All(new[] { a, c, d, e }, p => Assert.True(System.Verify(statement, p, Parameters, Context).IsValid));
        }
    }

    [Fact]
    public void Disposed_witness_cannot_prove()
    {
        var (statement, witness) = NewInstance(Group.Generator);
        witness.Dispose();
        Assert.True(witness.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => System.Prove(statement, witness, Parameters, Context));
    }

    [Fact]
    public void Witness_from_bytes_matches_witness_from_scalar()
    {
        using var x = Group.RandomScalar();
        var statement = new DiscreteLogStatement(Group, Group.MultiplyBase(x));
        using var witness = new DiscreteLogWitness(Group, x.ToBytes());
        var proof = System.Prove(statement, witness, Parameters, Context);
        Assert.True(System.Verify(statement, proof, Parameters, Context).IsValid);

        var nonCanonical = new byte[Group.ScalarLength];
        nonCanonical.AsSpan().Fill(0xFF);
        Assert.Throws<ArgumentException>(() => new DiscreteLogWitness(Group, nonCanonical));
    }

    [Fact]
    public void Default_parameters_are_the_statement_group_at_128_bits()
    {
        var (statement, _) = NewInstance(Group.Generator);
        var selected = Assert.IsType<GroupParameterSet>(System.SelectDefaultParameters(statement, 128));
        Assert.Same(Group, selected.Group);
        Assert.Equal((ushort)Group.Id, selected.Id);
        Assert.Equal(128, selected.SecurityBits);
        Assert.True(System.TryGetParameterSet(selected.Id, out var byId));
        Assert.Equal<ParameterSet>(selected, byId);

        foreach (var level in new[] { 192, 256 })
        {
            var ex = Assert.Throws<NexusZeroException>(() => System.SelectDefaultParameters(statement, level));
            Assert.Equal(NexusZeroErrorKind.OptimizationFailed, ex.Kind);
            Assert.Contains("128", ex.Message, StringComparison.Ordinal);
            Assert.Contains(Group.Name, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Wrong_kinds_of_inputs_are_misuse()
    {
        var (statement, witness) = NewInstance(Group.Generator);
        using (witness)
        {
            var fakeStatement = new FakeStatement(StatementKind.DiscreteLog, [1]);
            var fakeParameters = new FakeParameterSet(Parameters.Id, [1]);
            Assert.Throws<ArgumentException>(() => System.Prove(fakeStatement, witness, Parameters, Context));
            Assert.Throws<ArgumentException>(() => System.Prove(statement, witness, fakeParameters, Context));
            Assert.Throws<ArgumentException>(() => System.Verify(fakeStatement, new byte[10], Parameters, Context));
            Assert.Throws<ArgumentException>(() => System.Verify(statement, new byte[10], fakeParameters, Context));
            Assert.False(System.TryDecodeStatement(statement.ToCanonicalBytes(), fakeParameters, out _, out _));
        }
    }

    private protected (DiscreteLogStatement Statement, DiscreteLogWitness Witness) NewInstance(GroupElement generator)
    {
        using var x = Group.RandomScalar();
        var statement = new DiscreteLogStatement(Group, generator, generator.Multiply(x));
        return (statement, new DiscreteLogWitness(x));
    }

    private protected (DiscreteLogStatement Statement, byte[] Proof) NewProof(GroupElement generator)
    {
        var (statement, witness) = NewInstance(generator);
        using (witness)
        {
            return (statement, System.Prove(statement, witness, Parameters, Context));
        }
    }

    private byte[]? IdentityEncoding()
    {
        try
        {
            return Group.Identity.ToBytes();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private protected GroupElement CustomGenerator()
    {
        var uniform = new byte[64];
        "NexusZero test generator"u8.CopyTo(uniform);
        return Group.ElementFromUniformBytes(uniform);
    }
}
