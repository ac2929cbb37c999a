namespace NexusZero.Groups;

/// <summary>
/// A cyclic group of prime order in which discrete logarithms are hard. Protocols written against this
/// interface work unchanged over every group NexusZero ships.
/// </summary>
/// <remarks>
/// Encodings are canonical: decoding accepts exactly one byte string per scalar and per element and
/// rejects everything else. Operations that take a scalar as a secret run in constant time; the
/// <c>Public</c>/<c>VarTime</c> variants are for verifiers and public data only.
/// Implementations are immutable and safe to share across threads.
/// </remarks>
public interface IPrimeOrderGroup
{
    /// <summary>The group's stable identifier.</summary>
    GroupId Id { get; }

    /// <summary>The group's name, e.g. "ristretto255".</summary>
    string Name { get; }

    /// <summary>Length in bytes of a canonical scalar encoding.</summary>
    int ScalarLength { get; }

    /// <summary>Length in bytes of a canonical element encoding.</summary>
    int ElementLength { get; }

    /// <summary>The standard generator (base point).</summary>
    GroupElement Generator { get; }

    /// <summary>The identity element.</summary>
    GroupElement Identity { get; }

    /// <summary>The scalar zero.</summary>
    GroupScalar ScalarZero { get; }

    /// <summary>The scalar one.</summary>
    GroupScalar ScalarOne { get; }

    /// <summary>A uniformly random non-zero scalar from the operating system's CSPRNG.</summary>
    GroupScalar RandomScalar();

    /// <summary>Reduces 64 uniformly random bytes to a scalar (wide reduction, negligible bias).</summary>
    /// <exception cref="ArgumentException"><paramref name="wide"/> is not 64 bytes.</exception>
    GroupScalar ScalarFromUniformBytes(ReadOnlySpan<byte> wide);

    /// <summary>Decodes a canonical scalar; false for a wrong length or a value not below the group order.</summary>
    bool TryDecodeScalar(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GroupScalar? scalar);

    /// <summary>Decodes a canonical element; false for a wrong length, a non-canonical or an invalid encoding.</summary>
    bool TryDecodeElement(ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GroupElement? element);

    /// <summary>
    /// Derives an element from 64 uniform bytes such that nobody knows its discrete logarithm
    /// (RFC 9496 element derivation for ristretto255).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="uniformBytes"/> is not 64 bytes.</exception>
    GroupElement ElementFromUniformBytes(ReadOnlySpan<byte> uniformBytes);

    /// <summary>Computes k·G for the generator G in constant time with respect to <paramref name="secret"/>.</summary>
    GroupElement MultiplyBase(GroupScalar secret);

    /// <summary>Σ scalars[i]·elements[i] in variable time. For verifiers and public data only.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    GroupElement MultiScalarMultiplyVarTime(ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<GroupElement> elements);
}
