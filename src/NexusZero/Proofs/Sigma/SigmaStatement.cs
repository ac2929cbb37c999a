using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// A statement proven by one of NexusZero's linear sigma protocols over a prime-order group
/// (equality of discrete logs, Pedersen opening, linear relation, composition).
/// Only NexusZero derives from it.
/// </summary>
public abstract class SigmaStatement : Statement
{
    private protected SigmaStatement(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
    }

    /// <summary>The group every element of the statement belongs to.</summary>
    public IPrimeOrderGroup Group { get; }

    /// <summary>Throws unless <paramref name="element"/> is a non-identity element of <paramref name="group"/>.</summary>
    private protected static void RequireUsable(IPrimeOrderGroup group, GroupElement element, string what, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(element, parameterName);
        if (element.Group.Id != group.Id)
        {
            throw new ArgumentException($"The {what} belongs to {element.Group.Name}, not {group.Name}.", parameterName);
        }

        if (element.IsIdentity)
        {
            throw new ArgumentException($"The {what} must not be the identity element.", parameterName);
        }
    }

    /// <summary>Decodes a non-identity element at <paramref name="offset"/>; sets <paramref name="error"/> otherwise.</summary>
    private protected static bool TryReadElement(IPrimeOrderGroup group, ReadOnlySpan<byte> encoded, ref int offset, string what, out GroupElement element, [NotNullWhen(false)] ref string? error)
    {
        element = group.Identity;
        if (error is not null)
        {
            return false;
        }

        if (encoded.Length - offset < group.ElementLength)
        {
            error = $"The statement is truncated in the {what}.";
            return false;
        }

        if (!group.TryDecodeElement(encoded.Slice(offset, group.ElementLength), out var decoded) || decoded.IsIdentity)
        {
            error = $"The {what} is not a canonical, non-identity {group.Name} element.";
            return false;
        }

        offset += group.ElementLength;
        element = decoded;
        return true;
    }

    /// <summary>Checks the leading group-id byte against <paramref name="group"/>.</summary>
    private protected static bool TryReadGroup(IPrimeOrderGroup group, ReadOnlySpan<byte> encoded, [NotNullWhen(false)] out string? error)
    {
        if (encoded.Length < 1 || encoded[0] != (byte)group.Id)
        {
            error = encoded.Length < 1
                ? "The statement is empty."
                : $"The statement names group id {encoded[0]}, but the parameters are for {group.Name} (id {(byte)group.Id}).";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Hex of an element's canonical encoding, for display.</summary>
    private protected static string Hex(GroupElement element) => Convert.ToHexStringLower(element.ToBytes());
}
