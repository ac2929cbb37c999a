using NexusZero.Circuits;
using NexusZero.Diagnostics;
using NexusZero.Proofs;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>Groth16 over BN254 with the development setup: completeness, soundness, encodings.</summary>
public sealed class Groth16Tests
{
    private static readonly Lazy<(BuiltCircuit Circuit, Groth16ProvingKey Key)> Fixture = new(() =>
    {
        var setup = Groth16TestCircuits.Cubic(CircuitBuilder.ForSetup(), 0, 0);
        var key = Groth16DevelopmentSetup.CreateKeys(setup.System);
        return (Groth16TestCircuits.Cubic(CircuitBuilder.ForProving(), 3, 7), key);
    });

    [Fact]
    public void AProofForASatisfyingWitnessVerifies()
    {
        var (circuit, key) = Fixture.Value;
        Assert.Equal(circuit.System.ComputeDigest(), Groth16TestCircuits.Cubic(CircuitBuilder.ForSetup(), 0, 0).System.ComputeDigest());
        var proof = Groth16Prover.Prove(key, circuit.System, circuit.Witness);
        Assert.Equal(FieldElement.FromUInt64(35), circuit.PublicValues[0]);
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, circuit.PublicValues, proof).IsValid);
    }

    [Fact]
    public void OtherPublicInputsAnotherKeyOrAnyChangedByteAreRejected()
    {
        var (circuit, key) = Fixture.Value;
        var proof = Groth16Prover.Prove(key, circuit.System, circuit.Witness);
        var publics = circuit.PublicValues.ToArray();

        for (var i = 0; i < publics.Length; i++)
        {
            var other = (FieldElement[])publics.Clone();
            other[i] += FieldElement.One;
            Assert.Equal(VerificationFailure.EquationFailed, Groth16Verifier.Verify(key.VerifyingKey, other, proof).Failure);
        }

        Assert.Equal(VerificationFailure.InvalidStatement, Groth16Verifier.Verify(key.VerifyingKey, publics[..1], proof).Failure);
        var otherKey = Groth16DevelopmentSetup.CreateKeys(circuit.System);
        Assert.False(Groth16Verifier.Verify(otherKey.VerifyingKey, publics, proof).IsValid);

        var bytes = proof.ToBytes();
        Assert.True(Groth16Proof.TryDecode(bytes, out var decoded, out _));
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, publics, decoded).IsValid);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= (byte)(1 << (i % 8));
            if (Groth16Proof.TryDecode(changed, out var tampered, out _))
            {
                Assert.False(Groth16Verifier.Verify(key.VerifyingKey, publics, tampered).IsValid, $"a change of byte {i} was accepted");
            }
        }

        Assert.False(Groth16Proof.TryDecode(bytes[..^1], out _, out var error));
        Assert.Contains("256", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ProofsAreFreshAndAnUnsatisfiedWitnessIsRefusedByName()
    {
        var (circuit, key) = Fixture.Value;
        var first = Groth16Prover.Prove(key, circuit.System, circuit.Witness).ToBytes();
        var second = Groth16Prover.Prove(key, circuit.System, circuit.Witness).ToBytes();
        Assert.NotEqual(first, second);

        var witness = circuit.CopyWitness();
        witness[^1] += FieldElement.One;
        var error = Assert.Throws<NexusZeroException>(() => Groth16Prover.Prove(key, circuit.System, witness));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.Contains("constraint", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheVerifyingKeyRoundTripsAndItsParserIsStrict()
    {
        var key = Fixture.Value.Key.VerifyingKey;
        var encoded = key.Encoded.ToArray();
        Assert.True(Groth16VerifyingKey.TryDecode(encoded, out var again, out _));
        Assert.Equal(key.Digest.ToArray(), again.Digest.ToArray());
        Assert.Equal(2, again.PublicInputCount);

        Assert.False(Groth16VerifyingKey.TryDecode(encoded[..^1], out _, out _));
        var huge = (byte[])encoded.Clone();
        huge[0] = 0xFF;
        Assert.False(Groth16VerifyingKey.TryDecode(huge, out _, out var error));
        Assert.Contains("public inputs", error, StringComparison.Ordinal);
        var offCurve = (byte[])encoded.Clone();
        offCurve[4 + 63] ^= 1;
        Assert.False(Groth16VerifyingKey.TryDecode(offCurve, out _, out error));
        Assert.StartsWith("alpha", error, StringComparison.Ordinal);
    }
}
