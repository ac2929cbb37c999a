using NexusZero.Circuits.Circom;
using NexusZero.Circuits.Tests.Circom;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>circom's .r1cs and .wtns files prove and verify under the post-quantum backend.</summary>
public sealed class LigeroCircomTests
{
    [Fact]
    public void AHandAssembledR1csAndWtnsProveAndVerify()
    {
        // w2·w3 = w1 and (w3 + 5)·1 = −w1: w3 = 1, w1 = w2 = −6.
        var r1cs = CircomR1csReader.Read(CircomSamples.HandBuiltR1cs());
        var witness = CircomWitnessReader.Read(CircomSamples.HandBuiltWtns(1, -6, -6, 1));
        Assert.True(r1cs.System.IsSatisfied(witness).IsSatisfied);
        AssertProvesAndVerifies(r1cs.System, witness);
    }

    [Fact]
    public void OurCircuitThroughCircomFilesProvesAndVerifies()
    {
        var circuit = CircomSamples.Circuit(x: 4, s: 3);
        var r1cs = CircomR1csReader.Read(CircomR1csWriter.Write(circuit.System));
        var witness = CircomWitnessReader.Read(CircomWitnessWriter.Write(circuit.CopyWitness()));
        AssertProvesAndVerifies(r1cs.System, witness);
    }

    private static void AssertProvesAndVerifies(ConstraintSystem system, FieldElement[] witness)
    {
        var publics = witness[1..(1 + system.PublicCount)];
        var statement = new CircuitStatement(system, publics);
        using var assignment = new CircuitAssignment(system, witness);
        var proof = LigeroProofSystem.Instance.Prove(statement, assignment, LigeroParameters.Bits128, "circom"u8);
        Assert.True(LigeroProofSystem.Instance.Verify(statement, proof, LigeroParameters.Bits128, "circom"u8).IsValid);
        Assert.False(LigeroProofSystem.Instance.Verify(statement, proof, LigeroParameters.Bits128, "other"u8).IsValid);
    }
}

/// <summary>SHA-256 preimage proofs under the post-quantum backend, no keys.</summary>
public sealed class LigeroPreimageTests
{
    [Fact]
    public void ASha256PreimageProvesAndVerifiesWithoutKeys()
    {
        var api = new NexusZero.NexuszeroApi();
        var preimage = "abc"u8.ToArray();
        var digest = System.Security.Cryptography.SHA256.HashData(preimage);
        var result = api.ProvePreimage(HashFunction.Sha256, digest, preimage, CircuitBackend.PostQuantum, "ctx"u8);
        var bytes = result.Envelope.ToBytes();
        var verdict = api.Verify(bytes, PostQuantumPreimage.Statement(HashFunction.Sha256, preimage.Length, digest));
        Assert.True(verdict.IsValid, verdict.Reason);
        var otherDigest = System.Security.Cryptography.SHA256.HashData("abd"u8);
        Assert.Equal(Proofs.VerificationFailure.StatementMismatch, api.Verify(bytes, PostQuantumPreimage.Statement(HashFunction.Sha256, preimage.Length, otherDigest)).Failure);
        Assert.Throws<NexusZeroException>(() => api.ProvePreimage(HashFunction.Sha256, otherDigest, preimage, CircuitBackend.PostQuantum));

        // Misuse, as documented: a digest of the wrong length, or Groth16 without keys.
        Assert.Throws<ArgumentException>(() => api.ProvePreimage(HashFunction.Sha256, digest.AsSpan(0, 31), preimage, CircuitBackend.PostQuantum));
        Assert.Throws<ArgumentException>(() => api.ProvePreimage(HashFunction.Sha256, digest, preimage, CircuitBackend.Groth16));
    }
}
