using NexusZero.Pipeline;

namespace NexusZero.Tests.Pipeline;

public sealed class ProtocolConfigTests
{
    public static TheoryData<string> Presets => ["Fast", "Default", "Secure"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void PresetsAreValid(string name) => Preset(name).Validate();

    [Fact]
    public void PresetsDiffer()
    {
        var fast = ProtocolConfig.Fast();
        var standard = ProtocolConfig.Default();
        var secure = ProtocolConfig.Secure();

        Assert.False(fast.VerifyAfterGeneration);
        Assert.False(fast.UseCompression);
        Assert.False(fast.UseOptimizer);
        Assert.True(standard.UseCompression);
        Assert.Equal(NexusZero.Compression.CompressionStrategy.Lz4, standard.CompressionStrategy);
        Assert.True(standard.VerifyAfterGeneration);
        Assert.Equal(VerifyAfterFailurePolicy.Report, standard.VerifyAfterGenerationFailure);
        Assert.Equal(256, secure.SecurityLevel);
        Assert.Equal(VerifyAfterFailurePolicy.Throw, secure.VerifyAfterGenerationFailure);
        Assert.True(secure.FailOnSlowVerification);
        Assert.True(secure.MaxProofSize < standard.MaxProofSize);
        Assert.True(standard.MaxProofSize < fast.MaxProofSize);
        Assert.True(secure.MaxVerifyTime < standard.MaxVerifyTime);
        Assert.NotEqual(fast, standard);
        Assert.NotEqual(standard, secure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(80)]
    [InlineData(129)]
    [InlineData(512)]
    public void OtherSecurityLevelsAreRefused(int level)
    {
        var error = Assert.Throws<NexusZeroException>(() => (ProtocolConfig.Default() with { SecurityLevel = level }).Validate());

        Assert.Equal(NexusZeroErrorKind.ConfigurationError, error.Kind);
        Assert.Contains("SecurityLevel", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(192)]
    [InlineData(256)]
    public void SupportedSecurityLevelsAreAccepted(int level) =>
        (ProtocolConfig.Default() with { SecurityLevel = level }).Validate();

    [Fact]
    public void NonPositiveLimitsAreRefused()
    {
        AssertConfigError(ProtocolConfig.Default() with { MaxProofSize = 0 }, "MaxProofSize");
        AssertConfigError(ProtocolConfig.Default() with { MaxVerifyTime = TimeSpan.Zero }, "MaxVerifyTime");
        AssertConfigError(ProtocolConfig.Default() with { MaxVerifyTime = TimeSpan.FromSeconds(-1) }, "MaxVerifyTime");
    }

    [Fact]
    public void UndefinedEnumValuesAreRefused()
    {
        AssertConfigError(ProtocolConfig.Default() with { CompressionStrategy = (NexusZero.Compression.CompressionStrategy)42 }, "CompressionStrategy");
        AssertConfigError(ProtocolConfig.Default() with { VerifyAfterGenerationFailure = (VerifyAfterFailurePolicy)7 }, "VerifyAfterGenerationFailure");
    }

    internal static ProtocolConfig Preset(string name) => name switch
    {
        "Fast" => ProtocolConfig.Fast(),
        "Default" => ProtocolConfig.Default(),
        "Secure" => ProtocolConfig.Secure(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertConfigError(ProtocolConfig config, string field)
    {
        var error = Assert.Throws<NexusZeroException>(config.Validate);
        Assert.Equal(NexusZeroErrorKind.ConfigurationError, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
