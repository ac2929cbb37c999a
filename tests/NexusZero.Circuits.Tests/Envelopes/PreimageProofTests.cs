using System.Security.Cryptography;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Circuits.Tests.Envelopes;

/// <summary>ProvePreimage: SHA-256 preimages in Groth16 envelopes (one 28,000-constraint key, made once).</summary>
public sealed class PreimageProofTests
{
    private static readonly PreimageKeyCache Cache = new();
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });
    private static readonly byte[] Message = "abc"u8.ToArray();

    // FIPS 180-4's example: SHA-256("abc").
    private static readonly byte[] Digest = Convert.FromHexString("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    private static PreimageCircuitKeys Keys => Cache.GetOrCreateWithLocalSetup(HashFunction.Sha256, Message.Length);

    [Fact]
    public void APreimageProofVerifiesForItsDigestOnly()
    {
        Assert.Equal(Digest, SHA256.HashData(Message));
        var result = Api.ProvePreimage(HashFunction.Sha256, Digest, Message, Keys, "request-7"u8);
        var bytes = result.Envelope.ToBytes();
        Assert.True(Api.Verify(bytes, Keys.Statement(Digest)).IsValid);

        var otherDigest = (byte[])Digest.Clone();
        otherDigest[31] ^= 1;
        Assert.Equal(VerificationFailure.StatementMismatch, Api.Verify(bytes, Keys.Statement(otherDigest)).Failure);

        // The public inputs in the envelope are the digest's halves: what a third party checks it against.
        Assert.Equal(PreimageCircuit.DigestInputs(Digest), Assert.IsType<CircuitStatement>(Keys.Statement(Digest)).PublicInputs);
        Assert.Same(Keys, Cache.GetOrCreateWithLocalSetup(HashFunction.Sha256, Message.Length));
    }

    [Fact]
    public void AWrongPreimageOrMismatchedKeysAreRefusedBeforeProving()
    {
        var wrong = Assert.Throws<NexusZeroException>(() => Api.ProvePreimage(HashFunction.Sha256, Digest, "abd"u8, Keys));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, wrong.Kind);
        Assert.Contains("does not hash to the digest", wrong.Message, StringComparison.Ordinal);
        var length = Assert.Throws<ArgumentException>(() => Api.ProvePreimage(HashFunction.Sha256, Digest, "abcd"u8, Keys));
        Assert.Contains("preimages of 3 bytes", length.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cache.GetOrCreateWithLocalSetup(HashFunction.Sha256, PreimageCircuit.MaxSha256PreimageLength + 1));
    }

    [Fact]
    public void TheCircuitRefusesAWitnessWhoseDigestIsWrong()
    {
        var system = PreimageCircuit.ForSetup(HashFunction.Sha256, 3);
        var circuit = PreimageCircuit.Build(CircuitBuilder.ForProving(), HashFunction.Sha256, 3, Message, Digest);
        Assert.True(system.IsSatisfied(circuit.Witness).IsSatisfied);
        var forged = circuit.CopyWitness();
        forged[1] += FieldElement.One;
        var verdict = system.IsSatisfied(forged);
        Assert.False(verdict.IsSatisfied);
        Assert.Contains("digestHigh", verdict.ToString(), StringComparison.Ordinal);

        circuit.ClearWitness();
        Assert.All(circuit.Witness, value => Assert.True(value.IsZero));
    }
}
