using System.Diagnostics.CodeAnalysis;

namespace NexusZero.Consensus.Signing;

/// <summary>The built-in signature schemes, looked up by id or file name.</summary>
public static class SignatureSchemes
{
    private static readonly ISignatureScheme[] BuiltIn = [EcdsaP256SignatureScheme.Instance, MlDsa65SignatureScheme.Instance];

    /// <summary>The default scheme: ECDSA P-256 with SHA-256.</summary>
    public static ISignatureScheme Default => EcdsaP256SignatureScheme.Instance;

    /// <summary>Finds a built-in scheme by id.</summary>
    /// <param name="id">The scheme id.</param>
    /// <param name="scheme">The scheme when found.</param>
    /// <returns>True when the id names a built-in scheme.</returns>
    public static bool TryGet(SignatureSchemeId id, [NotNullWhen(true)] out ISignatureScheme? scheme)
    {
        scheme = Array.Find(BuiltIn, s => s.Id == id);
        return scheme is not null;
    }

    /// <summary>Finds a built-in scheme by the name used in files.</summary>
    /// <param name="name">The name, such as <c>ecdsa-p256-sha256</c>.</param>
    /// <param name="scheme">The scheme when found.</param>
    /// <returns>True when the name names a built-in scheme.</returns>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out ISignatureScheme? scheme)
    {
        scheme = Array.Find(BuiltIn, s => string.Equals(s.Name, name, StringComparison.Ordinal));
        return scheme is not null;
    }

    /// <summary>
    /// Finds a built-in scheme by the name a command line takes (<c>--scheme</c>): <c>ecdsa-p256</c> or
    /// <c>ml-dsa-65</c>, or any name <see cref="TryGetByName"/> accepts. Both the <c>nexuszero</c> CLI and the
    /// validator node use this, so the two keygen commands agree.
    /// </summary>
    /// <param name="name">The option value.</param>
    /// <param name="scheme">The scheme when found.</param>
    /// <returns>True when the name names a built-in scheme.</returns>
    public static bool TryGetByOptionName(string name, [NotNullWhen(true)] out ISignatureScheme? scheme)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetByName(string.Equals(name, OptionNameEcdsaP256, StringComparison.Ordinal) ? EcdsaP256SignatureScheme.Instance.Name : name, out scheme);
    }

    /// <summary>The <c>--scheme</c> values, for help and error text.</summary>
    public const string OptionNames = "ecdsa-p256 or ml-dsa-65";

    private const string OptionNameEcdsaP256 = "ecdsa-p256";
}
