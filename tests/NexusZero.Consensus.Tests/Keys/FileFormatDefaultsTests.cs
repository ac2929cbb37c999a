using System.Text;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Tests.Keys;

/// <summary>
/// Every default docs/formats.md documents for the consensus files. The validator-set file is the only one with
/// optional members: <c>weight</c> (default 1) and <c>endpoint</c> (default none). The key file and the HTTP
/// messages have no optional members, so they have no defaults to test.
/// </summary>
public sealed class FileFormatDefaultsTests
{
    [Fact]
    public void SetFile_OmittedWeight_IsOne()
    {
        using var key = SignatureSchemes.Default.GenerateKey();
        var file = ValidatorSetFile.Parse(SetFile($"{{\"id\":\"v1\",\"publicKey\":\"{Convert.ToBase64String(key.PublicKey.Span)}\"}}"));
        Assert.True(file.ValidatorSet.TryGetMember("v1", out var member));
        Assert.Equal(1, member.Weight);
        Assert.Equal(1L, file.ValidatorSet.TotalWeight);
    }

    [Fact]
    public void SetFile_OmittedWeight_GivesTheSameSetIdAsWeightOne()
    {
        using var key = SignatureSchemes.Default.GenerateKey();
        var publicKey = Convert.ToBase64String(key.PublicKey.Span);
        var omitted = ValidatorSetFile.Parse(SetFile($"{{\"id\":\"v1\",\"publicKey\":\"{publicKey}\"}}"));
        var explicitOne = ValidatorSetFile.Parse(SetFile($"{{\"id\":\"v1\",\"publicKey\":\"{publicKey}\",\"weight\":1}}"));
        Assert.Equal(explicitOne.ValidatorSet.SetIdHex, omitted.ValidatorSet.SetIdHex);
    }

    [Fact]
    public void SetFile_ExplicitWeightZero_IsStillRefused()
    {
        using var key = SignatureSchemes.Default.GenerateKey();
        var ex = Assert.Throws<FormatException>(() => ValidatorSetFile.Parse(SetFile($"{{\"id\":\"v1\",\"publicKey\":\"{Convert.ToBase64String(key.PublicKey.Span)}\",\"weight\":0}}")));
        Assert.Contains("weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetFile_OmittedEndpoint_HasNone()
    {
        using var key = SignatureSchemes.Default.GenerateKey();
        var file = ValidatorSetFile.Parse(SetFile($"{{\"id\":\"v1\",\"publicKey\":\"{Convert.ToBase64String(key.PublicKey.Span)}\",\"weight\":2}}"));
        Assert.Empty(file.Endpoints);
        Assert.Equal(2L, file.ValidatorSet.TotalWeight);
    }

    private static byte[] SetFile(string member) =>
        Encoding.UTF8.GetBytes($"{{\"format\":\"nexuszero-validator-set/1\",\"epoch\":1,\"scheme\":\"ecdsa-p256-sha256\",\"validators\":[{member}]}}");
}
