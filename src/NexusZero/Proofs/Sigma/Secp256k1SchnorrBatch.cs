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
        var scalars = new ScalarValue[1 + (3 * n)];
        var points = new ProjectivePoint[1 + (3 * n)];
        var encodings = new byte[n * elementLength];
        var challenges = new byte[n * SchnorrBatchInputs.ChallengeLength];
        var commitments = new AffinePoint[n];
        var decoded = new bool[n];
        var weights = new byte[n * SchnorrBatchInputs.WeightLength];
        try
        {
            SchnorrBatchInputs.GatherCommitments(items, elementLength, encodings);
            Secp256k1BatchDecoding.Decode(encodings, commitments, decoded);
            SchnorrBatchInputs.DeriveChallenges(items, statements, set, elementLength, challenges);
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
            CryptographicOperations.ZeroMemory(weights);
        }
    }
}
