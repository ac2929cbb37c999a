using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Signing;

public sealed class MlDsa65SchemeTests
{
    private static readonly ISignatureScheme Scheme = MlDsa65SignatureScheme.Instance;

    [Fact]
    public void SignVerify_AndTamperingFails()
    {
        using var key = Scheme.GenerateKey();
        var verifier = Scheme.CreateVerifier(key.PublicKey.Span);
        var signature = key.Sign("payload"u8);
        Assert.Equal(3309, signature.Length);
        Assert.True(verifier.Verify("payload"u8, signature));
        signature[100] ^= 1;
        Assert.False(verifier.Verify("payload"u8, signature));
        Assert.Throws<ArgumentException>(() => Scheme.CreateVerifier(new byte[64]));
        Assert.Throws<ArgumentException>(() => Scheme.ImportPrivateKey(new byte[32]));
    }

    [Fact]
    public async Task Round_WithAnMlDsaValidatorSet_FinalizesAndItsCertificateVerifies()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => Scheme.GenerateKey()).ToArray();
        var set = ValidatorSet.Create(1, Scheme, keys.Select((k, i) => new ValidatorMember($"q{i}", k.PublicKey.Span)));
        var validators = keys.Select((k, i) => new Validator(set, $"q{i}", k, [new FixedEvaluator(0.9, Verdict.Accept)])).ToArray();

        var result = await new InProcessConsensusClient(set, validators).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        var bytes = result.Certificate!.ToBytes();
        Assert.Equal((byte)SignatureSchemeId.MlDsa65, bytes[5]);
        Assert.True(CertificateVerifier.Verify(QuorumCertificate.Parse(bytes), set).IsValid);
        bytes[^20] ^= 1;
        Assert.False(CertificateVerifier.Verify(QuorumCertificate.Parse(bytes), set).IsValid);

        // Key files and set files carry the scheme by name.
        using var reimported = ReImport(keys[0]);
        var json = ValidatorKeyFile.Serialize("q0", reimported);
        using var loaded = ValidatorKeyFile.Parse(json, out _);
        Assert.Equal(SignatureSchemeId.MlDsa65, loaded.Scheme);
        Assert.Equal(set.SetIdHex, ValidatorSetFile.Parse(ValidatorSetFile.Serialize(set)).ValidatorSet.SetIdHex);
        foreach (var v in validators)
        {
            v.Dispose();
        }
    }

    private static ISigningKey ReImport(ISigningKey key)
    {
        var secret = new byte[Scheme.PrivateKeySize];
        key.ExportPrivateKey(secret);
        return Scheme.ImportPrivateKey(secret);
    }
}
