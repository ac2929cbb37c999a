using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Groups.Secp256k1;
using Ed = NexusZero.Groups.Ristretto255;
using K1 = NexusZero.Groups.Secp256k1;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Constant-time operations on secret data that <see cref="IPrimeOrderGroup"/> does not offer, done
/// on each group's internal point and scalar structs: small integer scalars (both groups), and on
/// secp256k1 a masked select of two elements and a multi-scalar multiplication with secret scalars
/// (Straus with fixed 4-bit windows and masked table lookups, the same operation sequence for every
/// scalar). ristretto255 does the latter two on cached tables (<see cref="RangeProofCommitments"/>).
/// </summary>
internal static class ConstantTimeGroupOps
{
    /// <summary>The scalar equal to <paramref name="value"/>, without branching on it.</summary>
    public static GroupScalar ScalarFromUInt64(IPrimeOrderGroup group, ulong value) => group.Id switch
    {
        GroupId.Ristretto255 => new Ristretto255Scalar(Ed.Scalar.FromUInt64(value)),
        GroupId.Secp256k1 => new Secp256k1Scalar(ScalarValue.FromUInt64(value)),
        _ => throw new ArgumentException($"No constant-time backend for {group.Name}.", nameof(group)),
    };

    /// <summary><paramref name="whenOne"/> if <paramref name="bit"/> is 1, else <paramref name="whenZero"/> (masked, no branch).</summary>
    public static GroupElement Select(ulong bit, GroupElement whenOne, GroupElement whenZero)
    {
        switch (whenOne)
        {
            case Secp256k1Element one:
                var result = ((Secp256k1Element)whenZero).Point;
                result.ConditionalAssign(one.Point, WordArithmetic.MaskFromBit(bit));
                return new Secp256k1Element(result);
            default:
                throw new ArgumentException($"No constant-time backend for {whenOne.Group.Name}.", nameof(whenOne));
        }
    }

    /// <summary>Σ scalars[i]·elements[i] in constant time with respect to the scalars.</summary>
    public static GroupElement MultiScalarMultiply(IPrimeOrderGroup group, IReadOnlyList<GroupScalar> scalars, IReadOnlyList<GroupElement> elements)
    {
        if (scalars.Count != elements.Count)
        {
            throw new ArgumentException($"{scalars.Count} scalars but {elements.Count} elements.", nameof(elements));
        }

        return group.Id switch
        {
            GroupId.Secp256k1 => new Secp256k1Element(Secp256k1(scalars, elements)),
            _ => throw new ArgumentException($"No constant-time backend for {group.Name}.", nameof(group)),
        };
    }

    private static K1.ProjectivePoint Secp256k1(IReadOnlyList<GroupScalar> scalars, IReadOnlyList<GroupElement> elements)
    {
        var count = scalars.Count;
        var tables = new K1.ProjectivePoint[count * 16];
        var values = new ScalarValue[count];
        try
        {
            for (var j = 0; j < count; j++)
            {
                var point = ((Secp256k1Element)elements[j]).Point;
                tables[j * 16] = K1.ProjectivePoint.Identity;
                for (var t = 1; t < 16; t++)
                {
                    tables[(j * 16) + t] = K1.ProjectivePoint.Add(tables[(j * 16) + t - 1], point);
                }

                values[j] = ((Secp256k1Scalar)scalars[j]).Value;
            }

            var acc = K1.ProjectivePoint.Identity;
            for (var i = 63; i >= 0; i--)
            {
                if (i != 63)
                {
                    acc = K1.ProjectivePoint.Double(K1.ProjectivePoint.Double(K1.ProjectivePoint.Double(K1.ProjectivePoint.Double(acc))));
                }

                for (var j = 0; j < count; j++)
                {
                    acc = K1.ProjectivePoint.Add(acc, PointMultiplication.Select(tables.AsSpan(j * 16, 16), values[j].Nibble(i)));
                }
            }

            return acc;
        }
        finally
        {
            Array.Clear(values);
            Array.Clear(tables);
        }
    }
}
