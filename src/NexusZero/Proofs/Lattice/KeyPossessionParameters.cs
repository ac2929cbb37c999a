using System.Diagnostics.CodeAnalysis;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// The parameter set of a lattice key-possession proof: the ML-DSA parameter set of the key. Ids are
/// 44, 65 and 87; <see cref="ParameterSet.SecurityBits"/> is the NIST category's classical level
/// (128, 192, 256), the claim FIPS 204 makes; core-SVP estimates are reported as metric figures.
/// </summary>
public sealed record KeyPossessionParameters : ParameterSet
{
    /// <summary>The canonical-encoding version.</summary>
    public const byte EncodingVersion = 1;

    private KeyPossessionParameters(MLDsaScheme scheme, int securityBits)
        : base(scheme.Id, scheme.Name, securityBits)
    {
        Scheme = scheme;
    }

    /// <summary>For ML-DSA-44.</summary>
    public static KeyPossessionParameters MLDsa44 { get; } = new(MLDsaScheme.MLDsa44, 128);

    /// <summary>For ML-DSA-65.</summary>
    public static KeyPossessionParameters MLDsa65 { get; } = new(MLDsaScheme.MLDsa65, 192);

    /// <summary>For ML-DSA-87.</summary>
    public static KeyPossessionParameters MLDsa87 { get; } = new(MLDsaScheme.MLDsa87, 256);

    /// <summary>The ML-DSA parameter set.</summary>
    public MLDsaScheme Scheme { get; }

    /// <summary>The set for <paramref name="scheme"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public static KeyPossessionParameters For(MLDsaScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return scheme.Id switch { 44 => MLDsa44, 65 => MLDsa65, _ => MLDsa87 };
    }

    /// <summary>The set with envelope id <paramref name="id"/>.</summary>
    public static bool TryFromId(ushort id, [NotNullWhen(true)] out KeyPossessionParameters? parameters)
    {
        parameters = id <= byte.MaxValue && MLDsaScheme.TryFromId((byte)id, out MLDsaScheme? scheme) ? For(scheme) : null;
        return parameters is not null;
    }

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes() => [EncodingVersion, Scheme.Id];
}
