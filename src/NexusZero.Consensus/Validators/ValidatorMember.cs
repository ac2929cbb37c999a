namespace NexusZero.Consensus.Validators;

/// <summary>One member of a <see cref="ValidatorSet"/>: an id, a public key and a voting weight.</summary>
public sealed class ValidatorMember
{
    /// <summary>The longest validator id, in bytes.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The largest weight one member may have.</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>Creates a member.</summary>
    /// <param name="id">1 to 64 characters from <c>A–Z a–z 0–9 . _ - :</c>.</param>
    /// <param name="publicKey">The member's encoded public key.</param>
    /// <param name="weight">The voting weight, 1 to <see cref="MaxWeight"/>; 1 for equal weights.</param>
    /// <exception cref="ArgumentException">The id or weight is out of range.</exception>
    public ValidatorMember(string id, ReadOnlySpan<byte> publicKey, int weight = 1)
    {
        ValidateId(id);
        if (weight is < 1 or > MaxWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), $"Validator '{id}': weight must be 1 to {MaxWeight}; got {weight}.");
        }
        Id = id;
        PublicKey = publicKey.ToArray();
        Weight = weight;
    }

    /// <summary>The validator id.</summary>
    public string Id { get; }

    /// <summary>The encoded public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The voting weight.</summary>
    public int Weight { get; }

    /// <summary>Checks that a string is a valid validator id.</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    internal static void ValidateId(string id)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"A validator id is 1 to {MaxIdLength} characters from A-Z a-z 0-9 . _ - :", nameof(id));
        }
    }
}
