using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// The ristretto255 prime-order group (RFC 9496) over edwards25519, implemented in NexusZero's own
/// constant-time fixed-limb arithmetic. Use the singleton <see cref="Instance"/>.
/// </summary>
/// <remarks>
/// Scalars encode as 32 bytes little-endian and must be below ℓ; elements encode as 32 bytes and decode
/// only from their unique canonical encoding. <see cref="MultiplyBase"/> and
/// <see cref="GroupElement.Multiply"/> are constant time; the <c>VarTime</c> operations are for public
/// scalars only. See docs/formats.md and docs/security.md.
/// </remarks>
public sealed class Ristretto255Group : IPrimeOrderGroup
{
    private Ristretto255Group()
    {
    }

    /// <summary>The single instance.</summary>
    public static Ristretto255Group Instance { get; } = new();

    internal static Ristretto255Element GeneratorElement { get; } = new(EdwardsPoint.BasePoint);

    private static readonly Ristretto255Element IdentityElement = new(EdwardsPoint.Identity);

    /// <inheritdoc />
    public GroupId Id => GroupId.Ristretto255;

    /// <inheritdoc />
    public string Name => "ristretto255";

    /// <inheritdoc />
    public int ScalarLength => Scalar.EncodedLength;

    /// <inheritdoc />
    public int ElementLength => RistrettoEncoding.EncodedLength;

    /// <inheritdoc />
    public GroupElement Generator => GeneratorElement;

    /// <inheritdoc />
    public GroupElement Identity => IdentityElement;

    /// <inheritdoc />
    public GroupScalar ScalarZero => new Ristretto255Scalar(Scalar.Zero);

    /// <inheritdoc />
    public GroupScalar ScalarOne => new Ristretto255Scalar(Scalar.One);

    /// <inheritdoc />
    public GroupScalar RandomScalar()
    {
        Span<byte> wide = stackalloc byte[64];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(wide);
                var s = Scalar.FromBytesModOrderWide(wide);
                if (s.IsZero() == 0)
                {
                    return new Ristretto255Scalar(s);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wide);
        }
    }

    /// <inheritdoc />
    public GroupScalar ScalarFromUniformBytes(ReadOnlySpan<byte> wide)
    {
        if (wide.Length != 64)
        {
            throw new ArgumentException($"Wide reduction needs exactly 64 bytes but got {wide.Length}.", nameof(wide));
        }

        return new Ristretto255Scalar(Scalar.FromBytesModOrderWide(wide));
    }

    /// <inheritdoc />
    public bool TryDecodeScalar(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupScalar? scalar)
    {
        if (encoded.Length != Scalar.EncodedLength || Scalar.TryFromCanonicalBytes(encoded, out var s) == 0)
        {
            scalar = null;
            return false;
        }

        scalar = new Ristretto255Scalar(s);
        return true;
    }

    /// <summary>Decodes a canonical scalar.</summary>
    /// <exception cref="FormatException">The bytes are not 32 bytes or encode a value not below ℓ.</exception>
    public Ristretto255Scalar DecodeScalar(ReadOnlySpan<byte> encoded) =>
        TryDecodeScalar(encoded, out var scalar)
            ? (Ristretto255Scalar)scalar
            : throw new FormatException($"Not a canonical ristretto255 scalar: expected 32 bytes little-endian below the group order, got {encoded.Length} bytes.");

    /// <inheritdoc />
    public bool TryDecodeElement(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupElement? element)
    {
        if (!RistrettoEncoding.TryDecode(encoded, out var point))
        {
            element = null;
            return false;
        }

        element = new Ristretto255Element(point);
        return true;
    }

    /// <summary>Decodes a canonical element.</summary>
    /// <exception cref="FormatException">The bytes are not the canonical encoding of a ristretto255 element.</exception>
    public Ristretto255Element DecodeElement(ReadOnlySpan<byte> encoded) =>
        TryDecodeElement(encoded, out var element)
            ? (Ristretto255Element)element
            : throw new FormatException($"Not a canonical ristretto255 element encoding ({encoded.Length} bytes; RFC 9496 §4.3.1 rejects it).");

    /// <inheritdoc />
    public GroupElement ElementFromUniformBytes(ReadOnlySpan<byte> uniformBytes)
    {
        if (uniformBytes.Length != 64)
        {
            throw new ArgumentException($"Element derivation needs exactly 64 bytes but got {uniformBytes.Length}.", nameof(uniformBytes));
        }

        return new Ristretto255Element(RistrettoEncoding.FromUniformBytes(uniformBytes));
    }

    /// <inheritdoc />
    public GroupElement MultiplyBase(GroupScalar secret)
    {
        var k = Ristretto255Scalar.Cast(secret).Value;
        try
        {
            return new Ristretto255Element(ScalarMultiplication.MultiplyBase(k));
        }
        finally
        {
            k.Clear();
        }
    }

    /// <inheritdoc />
    public GroupElement MultiScalarMultiplyVarTime(ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {elements.Length} elements.", nameof(elements));
        }

        int n = scalars.Length;
        var ks = ArrayPool<Scalar>.Shared.Rent(Math.Max(1, n));
        var ps = ArrayPool<EdwardsPoint>.Shared.Rent(Math.Max(1, n));
        try
        {
            // Terms on the generator share the precomputed table: their scalars are summed.
            var baseScalar = Scalar.Zero;
            bool hasBase = false;
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                var k = Ristretto255Scalar.Cast(scalars[i]).Value;
                var e = Ristretto255Element.Cast(elements[i]);
                if (e.IsGenerator)
                {
                    baseScalar += k;
                    hasBase = true;
                }
                else
                {
                    ks[m] = k;
                    ps[m] = e.Point;
                    m++;
                }
            }

            // With generator terms the CPU path uses the generator's table; an accelerator takes the generator as one
            // more point (the arrays were rented with room for it: m < n whenever hasBase).
            var router = Compute.ComputeRouter.Current;
            if (hasBase && router.OffloadsRistretto(m + 1))
            {
                ks[m] = baseScalar;
                ps[m] = EdwardsPoint.BasePoint;
                m++;
                hasBase = false;
            }

            var result = hasBase
                ? MultiScalarMultiplication.MultiplyVarTime(baseScalar, ks.AsSpan(0, m), ps.AsSpan(0, m))
                : router.MultiplyRistretto(ks.AsSpan(0, m), ps.AsSpan(0, m));
            return new Ristretto255Element(result);
        }
        finally
        {
            ArrayPool<Scalar>.Shared.Return(ks);
            ArrayPool<EdwardsPoint>.Shared.Return(ps);
        }
    }
}
