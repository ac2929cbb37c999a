using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Validators;

public sealed class ValidatorSetTests
{
    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(3, 0, 2)]
    [InlineData(4, 1, 3)]
    [InlineData(5, 1, 4)]
    [InlineData(6, 1, 4)]
    [InlineData(7, 2, 5)]
    [InlineData(10, 3, 7)]
    [InlineData(31, 10, 21)]
    public void Thresholds_FollowNAtLeast3FPlus1(int n, int f, int quorum)
    {
        var set = Make(n, out var keys);
        Assert.Equal(f, set.FaultTolerance);
        Assert.Equal(quorum, set.QuorumWeight);

        // Two quorums always share more than f weight, so they share an honest member.
        Assert.True((2 * set.QuorumWeight) - set.TotalWeight > set.FaultTolerance);
        Dispose(keys);
    }

    [Fact]
    public void SetId_BindsEpochKeysAndWeights_ButNotInputOrder()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        var members = keys.Select((k, i) => new ValidatorMember($"v{i}", k.PublicKey.Span)).ToArray();
        var a = ValidatorSet.Create(1, SignatureSchemes.Default, members);
        var reordered = ValidatorSet.Create(1, SignatureSchemes.Default, members.Reverse());
        var otherEpoch = ValidatorSet.Create(2, SignatureSchemes.Default, members);
        var weighted = ValidatorSet.Create(1, SignatureSchemes.Default, members.Select((m, i) => new ValidatorMember(m.Id, m.PublicKey.Span, i == 0 ? 2 : 1)));
        var swappedKeys = ValidatorSet.Create(1, SignatureSchemes.Default, members.Select((m, i) => new ValidatorMember(m.Id, members[(i + 1) % 4].PublicKey.Span)));

        Assert.Equal(a.SetIdHex, reordered.SetIdHex);
        Assert.NotEqual(a.SetIdHex, otherEpoch.SetIdHex);
        Assert.NotEqual(a.SetIdHex, weighted.SetIdHex);
        Assert.NotEqual(a.SetIdHex, swappedKeys.SetIdHex);
        Assert.Equal(["v0", "v1", "v2", "v3"], reordered.Members.Select(m => m.Id));
        Assert.True(weighted.IsWeighted);
        Assert.Equal(5, weighted.TotalWeight);
        Dispose(keys);
    }

    [Fact]
    public void Create_RejectsDuplicatesEmptyBadIdsAndBadKeys()
    {
        using var key = SignatureSchemes.Default.GenerateKey();
        var member = new ValidatorMember("v1", key.PublicKey.Span);
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create(1, SignatureSchemes.Default, [member, member]));
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create(1, SignatureSchemes.Default, []));
        Assert.Throws<ArgumentException>(() => ValidatorSet.Create(1, SignatureSchemes.Default, [new ValidatorMember("v1", new byte[65])]));
        Assert.Throws<ArgumentException>(() => new ValidatorMember("has space", key.PublicKey.Span));
        Assert.Throws<ArgumentException>(() => new ValidatorMember(new string('a', 65), key.PublicKey.Span));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidatorMember("v1", key.PublicKey.Span, 0));
    }

    internal static ValidatorSet Make(int n, out ISigningKey[] keys)
    {
        keys = Enumerable.Range(0, n).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        return ValidatorSet.Create(1, SignatureSchemes.Default, keys.Select((k, i) => new ValidatorMember($"v{i:D2}", k.PublicKey.Span)));
    }

    internal static void Dispose(ISigningKey[] keys)
    {
        foreach (var k in keys)
        {
            k.Dispose();
        }
    }
}
