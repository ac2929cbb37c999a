using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// The secp256k1 group (SEC 2): y² = x³ + 7 over GF(2^256 − 2^32 − 977), prime order
/// n = 2^256 − 0x14551231950B75FC4402DA1732FC9BEBF.
/// </summary>
/// <remarks>
/// Scalars: 32 bytes big-endian, canonical only (below n); wide reduction reads 64 bytes big-endian.
/// Elements: SEC1 compressed, 33 bytes, canonical only (prefix 0x02/0x03, x below p, on the curve).
/// The identity has no encoding: encoding it throws <see cref="InvalidOperationException"/>, and
/// decoding never yields it. Field and scalar arithmetic are fixed-limb and constant time; see
/// docs/security.md for which operations are variable time.
/// </remarks>
public sealed class Secp256k1Group : IPrimeOrderGroup
{
    /// <summary>Scalar encoding length in bytes.</summary>
    internal const int ScalarSize = 32;

    /// <summary>Element encoding length in bytes.</summary>
    internal const int PointSize = 33;

    private Secp256k1Group()
    {
        Generator = new Secp256k1Element(ProjectivePoint.Generator);
        Identity = new Secp256k1Element(ProjectivePoint.Identity);
    }

    /// <summary>The single instance.</summary>
    public static Secp256k1Group Instance { get; } = new();

    /// <inheritdoc />
    public GroupId Id => GroupId.Secp256k1;

    /// <inheritdoc />
    public string Name => "secp256k1";

    /// <inheritdoc />
    public int ScalarLength => ScalarSize;

    /// <inheritdoc />
    public int ElementLength => PointSize;

    /// <inheritdoc />
    public GroupElement Generator { get; }

    /// <inheritdoc />
    public GroupElement Identity { get; }

    /// <inheritdoc />
    public GroupScalar ScalarZero => new Secp256k1Scalar(ScalarValue.Zero);

    /// <inheritdoc />
    public GroupScalar ScalarOne => new Secp256k1Scalar(ScalarValue.One);

    /// <inheritdoc />
    public GroupScalar RandomScalar()
    {
        Span<byte> wide = stackalloc byte[64];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(wide);
                var value = ScalarValue.FromWideBigEndian(wide);
                if (value.IsZeroBit() == 0)
                {
                    return new Secp256k1Scalar(value);
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
            throw new ArgumentException($"Wide reduction needs exactly 64 bytes, got {wide.Length}.", nameof(wide));
        }

        return new Secp256k1Scalar(ScalarValue.FromWideBigEndian(wide));
    }

    /// <inheritdoc />
    public bool TryDecodeScalar(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupScalar? scalar)
    {
        if (encoded.Length != ScalarSize || !ScalarValue.TryFromBigEndian(encoded, out var value))
        {
            scalar = null;
            return false;
        }

        scalar = new Secp256k1Scalar(value);
        return true;
    }

    /// <inheritdoc />
    public bool TryDecodeElement(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupElement? element)
    {
        if (!TryDecodeAffine(encoded, out var point))
        {
            element = null;
            return false;
        }

        element = new Secp256k1Element(point.ToProjective());
        return true;
    }

    /// <summary>
    /// <see cref="TryDecodeElement"/> without the element object: the affine point of a canonical SEC1
    /// compressed encoding (never the identity). Variable time (public encodings only).
    /// </summary>
    internal static bool TryDecodeAffine(ReadOnlySpan<byte> encoded, out AffinePoint point)
    {
        point = default;
        if (encoded.Length != PointSize || (encoded[0] != 0x02 && encoded[0] != 0x03))
        {
            return false;
        }

        if (!FieldElement.TryFromBigEndian(encoded[1..], out var x) || !TryLiftX(x, encoded[0] == 0x03, out var y))
        {
            return false;
        }

        point = new AffinePoint(x, y);
        return true;
    }

    /// <summary>
    /// Try-and-increment from the 64 bytes read big-endian and reduced modulo p: the first x = x₀ + i
    /// (i = 0, 1, ...) on the curve, with even y. Nobody knows the result's discrete logarithm. Variable
    /// time: for public inputs (generator derivation) only.
    /// </summary>
    /// <inheritdoc />
    public GroupElement ElementFromUniformBytes(ReadOnlySpan<byte> uniformBytes)
    {
        if (uniformBytes.Length != 64)
        {
            throw new ArgumentException($"Element derivation needs exactly 64 bytes, got {uniformBytes.Length}.", nameof(uniformBytes));
        }

        var x = FieldElement.FromWideBigEndian(uniformBytes);
        FieldElement y;
        while (!TryLiftX(x, odd: false, out y))
        {
            x = FieldElement.Add(x, FieldElement.One);
        }

        return new Secp256k1Element(ProjectivePoint.FromAffine(x, y));
    }

    /// <inheritdoc />
    public GroupElement MultiplyBase(GroupScalar secret) =>
        new Secp256k1Element(PointMultiplication.MultiplyBaseConstantTime(Secp256k1Scalar.Cast(secret).Value));

    /// <inheritdoc />
    public GroupElement MultiScalarMultiplyVarTime(ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw new ArgumentException($"{scalars.Length} scalars but {elements.Length} elements.", nameof(elements));
        }

        // Pooled: a thousand points are about 100 KB, which would otherwise land on the large object heap.
        var n = scalars.Length;
        var values = ArrayPool<ScalarValue>.Shared.Rent(Math.Max(1, n));
        var points = ArrayPool<ProjectivePoint>.Shared.Rent(Math.Max(1, n));
        try
        {
            for (var i = 0; i < n; i++)
            {
                values[i] = Secp256k1Scalar.Cast(scalars[i]).Value;
                points[i] = Secp256k1Element.Cast(elements[i]).Point;
            }

            return new Secp256k1Element(Secp256k1Msm.MultiplyVarTime(values.AsSpan(0, n), points.AsSpan(0, n)));
        }
        finally
        {
            ArrayPool<ScalarValue>.Shared.Return(values);
            ArrayPool<ProjectivePoint>.Shared.Return(points);
        }
    }

    /// <summary>The y with y² = x³ + 7 and the requested parity; false when x is not on the curve (public x only).</summary>
    private static bool TryLiftX(in FieldElement x, bool odd, out FieldElement y)
    {
        var rhs = FieldElement.Add(FieldElement.Multiply(FieldElement.Square(x), x), FieldElement.FromUInt64(7));
        if (!FieldElement.SqrtVarTime(rhs, out y))
        {
            return false;
        }

        if ((y.IsOddBit() == 1) != odd)
        {
            y = FieldElement.Negate(y);
        }

        return true;
    }
}
