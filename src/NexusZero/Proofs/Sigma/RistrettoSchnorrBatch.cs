using System.Buffers;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The batch equation of <see cref="SchnorrBatchVerifier"/> on ristretto255, on the internal point and
/// scalar structs: all commitments R decoded side by side, one CSPRNG call for all weights, the
/// transcripts forked from one shared prefix, and one multi-scalar multiplication with the 128-bit
/// weights as the commitments' scalars. The transcript of each proof is byte for byte the single
/// verifier's. Verifier-only: every value here is public, so variable time is fine.
/// </summary>
internal static class RistrettoSchnorrBatch
{
    /// <summary>
    /// True when every proof is well formed and Σ wᵢ·(sᵢ·Gᵢ − cᵢ·Xᵢ − Rᵢ) is the identity for fresh
    /// random 128-bit weights wᵢ. False for any malformed item (the caller then finds which).
    /// </summary>
    internal static bool EquationHolds(IReadOnlyList<SigmaBatchItem> items, IReadOnlyList<DiscreteLogStatement> statements, GroupParameterSet set)
    {
        int n = items.Count;
        const int elementLength = RistrettoEncoding.EncodedLength;
        if (!SchnorrBatchInputs.HaveShape(items, statements, GroupId.Ristretto255, elementLength + Scalar.EncodedLength))
        {
            return false;
        }

        // Terms: wᵢ·cᵢ on −Xᵢ and wᵢ on −Rᵢ for every proof, wᵢ·sᵢ on a custom Gᵢ; the standard
        // generator's coefficients are summed into the base scalar.
        int maxTerms = 3 * n;
        var encodings = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * elementLength));
        var challenges = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * SchnorrBatchInputs.ChallengeLength));
        var commitments = ArrayPool<EdwardsPoint>.Shared.Rent(Math.Max(1, n));
        var decoded = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        var random = ArrayPool<byte>.Shared.Rent(Math.Max(1, n * SchnorrBatchInputs.WeightLength));
        var scalars = ArrayPool<Scalar>.Shared.Rent(Math.Max(1, maxTerms));
        var points = ArrayPool<EdwardsPoint>.Shared.Rent(Math.Max(1, maxTerms));
        try
        {
            SchnorrBatchInputs.GatherCommitments(items, elementLength, encodings);
            RistrettoBatchDecoding.Decode(encodings.AsSpan(0, n * elementLength), commitments.AsSpan(0, n), decoded.AsSpan(0, n));
            SchnorrBatchInputs.DeriveChallenges(items, statements, set, elementLength, challenges);
            var weights = random.AsSpan(0, n * SchnorrBatchInputs.WeightLength);
            RandomNumberGenerator.Fill(weights);

            var baseScalar = Scalar.Zero;
            int terms = 0;
            for (int i = 0; i < n; i++)
            {
                if (!decoded[i] || Scalar.TryFromCanonicalBytes(items[i].Proof.Span[elementLength..], out var s) == 0)
                {
                    return false;
                }

                var statement = statements[i];
                var c = Scalar.FromBytesModOrderWide(challenges.AsSpan(i * SchnorrBatchInputs.ChallengeLength, SchnorrBatchInputs.ChallengeLength));

                // Below 2^128 < ℓ, so canonical as it stands.
                var (low, high) = SchnorrBatchInputs.Weight(weights, i);
                var w = new Scalar(low, high, 0, 0);
                var ws = w * s;
                if (statement.UsesStandardGenerator)
                {
                    baseScalar += ws;
                }
                else
                {
                    scalars[terms] = ws;
                    points[terms++] = Ristretto255Element.Cast(statement.Generator).Point;
                }

                // The minus signs go on the points, so the commitment keeps its short 128-bit scalar.
                scalars[terms] = w * c;
                points[terms++] = Ristretto255Element.Cast(statement.PublicValue).Point.Negate();
                scalars[terms] = w;
                points[terms++] = commitments[i].Negate();
            }

            var sum = BatchStraus.MultiplyVarTime(baseScalar, scalars.AsSpan(0, terms), points.AsSpan(0, terms));
            return RistrettoEncoding.IsIdentity(sum) == 1;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(random.AsSpan(0, n * SchnorrBatchInputs.WeightLength));
            ArrayPool<byte>.Shared.Return(encodings);
            ArrayPool<byte>.Shared.Return(challenges);
            ArrayPool<EdwardsPoint>.Shared.Return(commitments);
            ArrayPool<bool>.Shared.Return(decoded);
            ArrayPool<byte>.Shared.Return(random);
            ArrayPool<Scalar>.Shared.Return(scalars);
            ArrayPool<EdwardsPoint>.Shared.Return(points);
        }
    }
}
