using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Circuits.Tests.Envelopes;

/// <summary>SHA3-256 preimages (one Keccak-f[1600] circuit, about 150,000 constraints) under both backends.</summary>
public sealed class Sha3PreimageProofTests
{
    private static readonly byte[] Message = "abc"u8.ToArray();

    // FIPS 202's example: SHA3-256("abc").
    private static readonly byte[] Digest = Convert.FromHexString("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");

    [Fact]
    public void APostQuantumProofVerifiesForItsHashAndDigestOnly()
    {
        var api = new NexuszeroApi();
        var result = api.ProvePreimage(HashFunction.Sha3_256, Digest, Message, CircuitBackend.PostQuantum, "ctx"u8);
        var bytes = result.Envelope.ToBytes();
        var verdict = api.Verify(bytes, PostQuantumPreimage.Statement(HashFunction.Sha3_256, Message.Length, Digest));
        Assert.True(verdict.IsValid, verdict.Reason);

        // The same digest claimed for SHA-256 names another circuit; another digest breaks the statement.
        Assert.False(api.Verify(bytes, PostQuantumPreimage.Statement(HashFunction.Sha256, Message.Length, Digest)).IsValid);
        var otherDigest = (byte[])Digest.Clone();
        otherDigest[0] ^= 0x80;
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, PostQuantumPreimage.Statement(HashFunction.Sha3_256, Message.Length, otherDigest)).Failure);

        // A SHA-256 digest is not a SHA3-256 digest: refused before any proving.
        var sha256 = System.Security.Cryptography.SHA256.HashData(Message);
        var refused = Assert.Throws<NexusZeroException>(() => api.ProvePreimage(HashFunction.Sha3_256, sha256, Message, CircuitBackend.PostQuantum));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, refused.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => api.ProvePreimage(HashFunction.Sha3_256, Digest, new byte[PreimageCircuit.MaxSha3_256PreimageLength + 1], CircuitBackend.PostQuantum));
    }

    [Fact]
    public void AGroth16ProofVerifiesUnderTheSha3Key()
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var keys = PreimageCircuitKeys.CreateWithLocalSetup(HashFunction.Sha3_256, Message.Length);
        var result = api.ProvePreimage(HashFunction.Sha3_256, Digest, Message, keys, "request-7"u8);
        var bytes = result.Envelope.ToBytes();
        Assert.True(api.Verify(bytes, keys.Statement(Digest)).IsValid);
        var otherDigest = (byte[])Digest.Clone();
        otherDigest[31] ^= 1;
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, keys.Statement(otherDigest)).Failure);
    }
}
