using NexusZero.Proofs.Lattice;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcMLDsaParameters = Org.BouncyCastle.Crypto.Parameters.MLDsaParameters;

namespace NexusZero.Lattice.Tests.Signatures;

/// <summary>
/// Cross-checks against BouncyCastle's ML-DSA (FIPS 204), a third implementation that runs in-process:
/// the same seed must give byte-identical keys, the deterministic variant byte-identical signatures,
/// and each side must accept the other's signatures only under the context they were made with.
/// </summary>
public sealed class BouncyCastleInteropTests
{
    public static TheoryData<string> Schemes => MLDsaTestData.SchemeNames;

    private static readonly byte[] Message = "interop with BouncyCastle"u8.ToArray();
    private static readonly byte[] Context = "nexuszero-test"u8.ToArray();

    [Theory]
    [MemberData(nameof(Schemes))]
    public void SameSeedGivesIdenticalPublicAndSecretKeys(string scheme)
    {
        byte[] seed = MLDsaTestData.Seed(23);
        using MLDsaPrivateKey ours = MLDsaTestData.Scheme(scheme).GenerateKey(seed);
        MLDsaPrivateKeyParameters theirs = MLDsaPrivateKeyParameters.FromSeed(BcParameters(scheme), seed);

        Assert.Equal(theirs.GetPublicKeyEncoded(), ours.PublicKey.Encoded.ToArray());
        Assert.Equal(theirs.WithPreferredFormat(MLDsaPrivateKeyParameters.Format.EncodingOnly).GetEncoded(), ours.ExportSecretKey());
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void DeterministicSignaturesAreIdentical(string scheme)
    {
        byte[] seed = MLDsaTestData.Seed(24);
        using MLDsaPrivateKey ours = MLDsaTestData.Scheme(scheme).GenerateKey(seed);
        MLDsaPrivateKeyParameters theirs = MLDsaPrivateKeyParameters.FromSeed(BcParameters(scheme), seed);

        Assert.Equal(BcSign(scheme, theirs, Context, deterministic: true), ours.SignDeterministic(Message, Context));
        Assert.Equal(BcSign(scheme, theirs, [], deterministic: true), ours.SignDeterministic(Message));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void HedgedSignaturesVerifyBothWaysOnlyUnderTheirContext(string scheme)
    {
        byte[] seed = MLDsaTestData.Seed(25);
        using MLDsaPrivateKey ours = MLDsaTestData.Scheme(scheme).GenerateKey(seed);
        MLDsaPrivateKeyParameters theirs = MLDsaPrivateKeyParameters.FromSeed(BcParameters(scheme), seed);
        MLDsaPublicKeyParameters theirPublic = theirs.GetPublicKey();

        byte[] ourSignature = ours.Sign(Message, Context);
        Assert.True(BcVerify(scheme, theirPublic, Message, Context, ourSignature), "BouncyCastle rejected our signature");
        Assert.False(BcVerify(scheme, theirPublic, Message, [], ourSignature), "BouncyCastle accepted our signature under another context");
        Assert.False(BcVerify(scheme, theirPublic, "another message"u8.ToArray(), Context, ourSignature), "BouncyCastle accepted our signature for another message");

        byte[] theirSignature = BcSign(scheme, theirs, Context, deterministic: false);
        Assert.True(ours.PublicKey.Verify(Message, theirSignature, Context), "BouncyCastle's signature did not verify here");
        Assert.False(ours.PublicKey.Verify(Message, theirSignature, "other"u8), "BouncyCastle's signature verified under another context");
        theirSignature[theirSignature.Length / 2] ^= 1;
        Assert.False(ours.PublicKey.Verify(Message, theirSignature, Context), "a tampered BouncyCastle signature verified here");
    }

    private static BcMLDsaParameters BcParameters(string scheme) => scheme switch
    {
        "ml-dsa-44" => BcMLDsaParameters.ml_dsa_44,
        "ml-dsa-65" => BcMLDsaParameters.ml_dsa_65,
        "ml-dsa-87" => BcMLDsaParameters.ml_dsa_87,
        _ => throw new ArgumentException(scheme, nameof(scheme)),
    };

    private static byte[] BcSign(string scheme, MLDsaPrivateKeyParameters key, byte[] context, bool deterministic)
    {
        var signer = new MLDsaSigner(BcParameters(scheme), deterministic);
        signer.Init(true, new ParametersWithContext(key, context));
        signer.BlockUpdate(Message, 0, Message.Length);
        return signer.GenerateSignature();
    }

    private static bool BcVerify(string scheme, ICipherParameters key, byte[] message, byte[] context, byte[] signature)
    {
        var verifier = new MLDsaSigner(BcParameters(scheme), deterministic: true);
        verifier.Init(false, new ParametersWithContext(key, context));
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }
}
