using System.Buffers;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The batch equation of <see cref="SchnorrBatchVerifier"/> on secp256k1, on the internal point and
/// scalar structs: the commitments decoded four at a time straight to affine points
/// (<see cref="Secp256k1BatchDecoding"/>), one CSPRNG call for all weights, the transcripts forked from
/// one shared prefix, and one <see cref="AffineStraus"/> multi-scalar
/// multiplication with the 128-bit weights as the commitments' scalars. The transcript of each proof
/// is byte for byte the single verifier's. Verifier-only: every value here is public, so variable time
/// is fine.
/// </summary>
internal static class Secp256k1SchnorrBatch
{
    /// <summary>
    /// True when every proof is well formed and Σ wᵢ·(sᵢ·Gᵢ − cᵢ·Xᵢ − Rᵢ) is the identity for fresh
    /// random 128-bit weights wᵢ. False for any malformed item (the caller then finds which).
    /// </summary>
    internal static bool EquationHolds(IReadOnlyList<SigmaBatchItem> items, IReadOnlyList<DiscreteLogStatement> statements, GroupParameterSet set)
    {
        int n = items.Count;
        const int elementLength = Secp256k1Group.PointSize;
        if (!SchnorrBatchInputs.HaveShape(items, statements, GroupId.Secp256k1, elementLength + Secp256k1Group.ScalarSize))
        {
            return false;
        }

        // Terms: the standard generator once (its coefficients summed), wᵢ·sᵢ on a custom Gᵢ,
        // wᵢ·cᵢ on −Xᵢ and wᵢ on −Rᵢ; the minus signs go on the points so the weights stay short.
        int maxTerms = 1 + (3 * n);
        var scalars = ArrayPool<ScalarValue>.Shared.Rent(maxTerms);
        var points = ArrayPool<ProjectivePoint>.Shared.Rent(maxTerms);
        var encodings = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * elementLength));
        var challenges = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * SchnorrBatchInputs.ChallengeLength));
        var commitments = ArrayPool<AffinePoint>.Shared.Rent(Math.Max(1, n));
        var decoded = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        var random = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * SchnorrBatchInputs.WeightLength));
        try
        {
            SchnorrBatchInputs.GatherCommitments(items, elementLength, encodings);
            Secp256k1BatchDecoding.Decode(encodings.AsSpan(0, n * elementLength), commitments.AsSpan(0, n), decoded.AsSpan(0, n));
            SchnorrBatchInputs.DeriveChallenges(items, statements, set, elementLength, challenges);
            var weights = random.AsSpan(0, n * SchnorrBatchInputs.WeightLength);
            RandomNumberGenerator.Fill(weights);

            var baseScalar = ScalarValue.Zero;
            int terms = 1;
            for (int i = 0; i < n; i++)
            {
                if (!decoded[i] || !ScalarValue.TryFromBigEndian(items[i].Proof.Span[elementLength..], out var s))
                {
                    return false;
                }

                var statement = statements[i];
                var c = ScalarValue.FromWideBigEndian(challenges.AsSpan(i * SchnorrBatchInputs.ChallengeLength, SchnorrBatchInputs.ChallengeLength));

                // Below 2^128 < n, so canonical as it stands.
                var (low, high) = SchnorrBatchInputs.Weight(weights, i);
                var w = new ScalarValue(low, high, 0, 0);
                var ws = ScalarValue.Multiply(w, s);
                if (statement.UsesStandardGenerator)
                {
                    baseScalar = ScalarValue.Add(baseScalar, ws);
                }
                else
                {
                    scalars[terms] = ws;
                    points[terms++] = Secp256k1Element.Cast(statement.Generator).Point;
                }

                scalars[terms] = ScalarValue.Multiply(w, c);
                points[terms++] = ProjectivePoint.Negate(Secp256k1Element.Cast(statement.PublicValue).Point);
                scalars[terms] = w;
                points[terms++] = commitments[i].Negate().ToProjective();
            }

            scalars[0] = baseScalar;
            points[0] = ProjectivePoint.Generator;
            var sum = AffineStraus.MultiplyVarTime(scalars.AsSpan(0, terms), points.AsSpan(0, terms));
            return sum.IsIdentityBit() == 1;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(random.AsSpan(0, n * SchnorrBatchInputs.WeightLength));
            ArrayPool<ScalarValue>.Shared.Return(scalars);
            ArrayPool<ProjectivePoint>.Shared.Return(points);
            ArrayPool<byte>.Shared.Return(encodings);
            ArrayPool<byte>.Shared.Return(challenges);
            ArrayPool<AffinePoint>.Shared.Return(commitments);
            ArrayPool<bool>.Shared.Return(decoded);
            ArrayPool<byte>.Shared.Return(random);
        }
    }
}
