using System.Globalization;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Signing;

namespace NexusZero.ValidatorNode;

/// <summary>Reads the --coordinator-key options into the check that refuses requests the coordinator did not sign.</summary>
internal static class CoordinatorKey
{
    /// <summary>The authenticator, or null when --coordinator-key is not given (requests are then accepted unsigned).</summary>
    /// <exception cref="FormatException">An option is malformed.</exception>
    public static CoordinatorRequestAuthenticator? CreateAuthenticator(IConfiguration configuration, ISignatureScheme setScheme, string validatorId)
    {
        var keyText = configuration["coordinator-key"];
        if (keyText is null)
        {
            return null;
        }

        var scheme = setScheme;
        if (configuration["coordinator-scheme"] is { } schemeName && !SignatureSchemes.TryGetByOptionName(schemeName, out scheme))
        {
            throw new FormatException($"--coordinator-scheme: '{schemeName}' is not {SignatureSchemes.OptionNames}.");
        }

        byte[] publicKey;
        try
        {
            publicKey = Convert.FromBase64String(keyText);
        }
        catch (FormatException)
        {
            throw new FormatException("--coordinator-key: not base64 (give the publicKey of the coordinator's key file).");
        }

        var skewText = configuration["request-max-skew-seconds"] ?? "60";
        if (!int.TryParse(skewText, NumberStyles.None, CultureInfo.InvariantCulture, out var skew) || skew is < 1 or > 3600)
        {
            throw new FormatException($"--request-max-skew-seconds: '{skewText}' is not a whole number of seconds from 1 to 3600.");
        }

        try
        {
            return new CoordinatorRequestAuthenticator(scheme, publicKey, validatorId, TimeSpan.FromSeconds(skew));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"--coordinator-key: not a valid {scheme.Name} public key ({ex.Message}).", ex);
        }
    }
}
