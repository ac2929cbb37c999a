using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// The Ligero prover for a rank-1 constraint system (docs/security.md, "Ligero"): commit to the encoded rows, answer
/// the proximity, linear and quadratic tests with masked polynomials, open the columns the transcript picks.
/// The caller has checked that the witness satisfies the system and owns the transcript, already bound to the statement.
/// </summary>
internal static class LigeroProver
{
    /// <summary>Lets an adversarial test change the responses before they are bound (the honest prover passes null).</summary>
    internal delegate void ResponseTamper(LigeroLayout layout, Fr alpha, Fr[] q0, Fr[] q1, Fr[] quotient);

    public static byte[] Prove(LigeroLayout layout, ConstraintSystem system, FieldElement[] witness, Transcript transcript, ResponseTamper? tamper = null)
    {
        var k = layout.K;
        var ell = layout.MessageLength;
        var d = layout.D;
        var rows = layout.RowCount;
        var messageDomain = new FrDomain(layout.LogK);
        var productDomain = new FrDomain(layout.LogK + 1);
        var codeDomain = new FrDomain(layout.LogN);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = layout.N >= 4096 ? -1 : 1 };

        var m = system.ConstraintCount;
        var x = new Fr[m];
        var y = new Fr[m];
        var z = new Fr[m];
        var coefficients = new Fr[rows][];
        var codewords = new Fr[rows][];
        var productHats = new Fr[3 * layout.ProductRows][];
        var quotientMask = new Fr[layout.QuotientLength];
        byte[]? salts = null;
        LigeroMerkleTree? tree = null;
        try
        {
            Parallel.For(0, m, parallel, j =>
            {
                var c = system.Constraints[j];
                x[j] = c.A.Evaluate(witness).Value;
                y[j] = c.B.Evaluate(witness).Value;
                z[j] = c.C.Evaluate(witness).Value;
            });

            // Data rows: ℓ message values, then t random values on H; interpolate to degree below K.
            Parallel.For(0, layout.DataRows, parallel, row =>
            {
                var values = new Fr[k];
                for (var j = 0; j < ell; j++)
                {
                    values[j] = Cell(layout, row, j, witness, x, y, z);
                }

                LigeroChallenges.RandomElements(values.AsSpan(ell));
                messageDomain.Inverse(values);
                coefficients[row] = values;
            });

            var (vanishing, inverseVanishing) = LigeroPolynomials.MessageVanishingOnCoset(layout, messageDomain, productDomain);
            coefficients[layout.LinearMaskRow] = LinearMask(layout, messageDomain);
            LigeroChallenges.RandomElements(quotientMask);
            coefficients[layout.QuadraticMaskRow] = QuadraticMask(layout, productDomain, vanishing, quotientMask);
            var blind = new Fr[d];
            LigeroChallenges.RandomElements(blind);
            coefficients[layout.BlindRow] = blind;

            Parallel.For(0, rows, parallel, row => codewords[row] = LigeroPolynomials.EncodeOnCodeDomain(
                codeDomain, coefficients[row].Length == k ? messageDomain : productDomain, coefficients[row]));

            salts = new byte[layout.N * LigeroLayout.SaltBytes];
            RandomNumberGenerator.Fill(salts);
            tree = Commit(layout, codewords, salts, parallel);
            transcript.AppendMessage("ligero-commitment"u8, tree.Root);

            var rowWeights = new Fr[rows - 1];
            LigeroChallenges.FieldElements(transcript, "ligero-proximity"u8, rowWeights);
            var alpha = new Fr[1];
            LigeroChallenges.FieldElements(transcript, "ligero-linear"u8, alpha);
            var beta = new Fr[layout.ProductRows];
            LigeroChallenges.FieldElements(transcript, "ligero-quadratic"u8, beta);

            // Proximity: q0 = blind + Σ r_i·p_i, in coefficients (degree below D).
            var q0 = (Fr[])blind.Clone();
            for (var row = 0; row < rows - 1; row++)
            {
                var p = coefficients[row];
                var weight = rowWeights[row];
                for (var i = 0; i < p.Length; i++)
                {
                    q0[i] += weight * p[i];
                }
            }

            // Linear: q1 = mask + Σ r_i(X)·p_i(X), products taken on the coset 5·⟨ω_2K⟩.
            var (linear, _) = LigeroLinearCheck.Compute(layout, system, alpha[0], PublicValues(system, witness));
            var accumulator = new Fr[d];
            var gate = new object();
            Parallel.For(0, layout.DataRows, parallel, () => new Fr[d], (row, _, local) =>
            {
                var r = new Fr[d];
                linear.AsSpan(row * ell, ell).CopyTo(r);
                messageDomain.Inverse(r.AsSpan(0, k));
                productDomain.CosetForward(r);
                var p = new Fr[d];
                coefficients[row].CopyTo(p, 0);
                productDomain.CosetForward(p);
                for (var i = 0; i < d; i++)
                {
                    local[i] += r[i] * p[i];
                }

                if (row >= layout.WitnessRows)
                {
                    productHats[row - layout.WitnessRows] = p;
                }
                else
                {
                    Array.Clear(p);
                }

                return local;
            }, local =>
            {
                lock (gate)
                {
                    for (var i = 0; i < d; i++)
                    {
                        accumulator[i] += local[i];
                    }
                }

                Array.Clear(local);
            });
            productDomain.CosetInverse(accumulator);
            var q1 = accumulator;
            var linearMask = coefficients[layout.LinearMaskRow];
            for (var i = 0; i < d; i++)
            {
                q1[i] += linearMask[i];
            }

            var quotient = QuadraticQuotient(layout, productDomain, inverseVanishing, beta, productHats, quotientMask);

            tamper?.Invoke(layout, alpha[0], q0, q1, quotient);
            var proof = new byte[layout.ProofLength];
            var offset = 0;
            tree.Root.CopyTo(proof);
            offset += LigeroLayout.ElementBytes;
            var responsesStart = offset;
            offset = WriteElements(proof, offset, q0);
            offset = WriteElements(proof, offset, q1);
            offset = WriteElements(proof, offset, quotient);
            transcript.AppendMessage("ligero-responses"u8, proof.AsSpan(responsesStart, offset - responsesStart));
            Array.Clear(q0);
            Array.Clear(q1);
            Array.Clear(quotient);

            foreach (var position in LigeroChallenges.QueryPositions(transcript, layout.Queries, layout.LogN))
            {
                salts.AsSpan(position * LigeroLayout.SaltBytes, LigeroLayout.SaltBytes).CopyTo(proof.AsSpan(offset));
                offset += LigeroLayout.SaltBytes;
                for (var row = 0; row < rows; row++)
                {
                    codewords[row][position].WriteBigEndian(proof.AsSpan(offset, LigeroLayout.ElementBytes));
                    offset += LigeroLayout.ElementBytes;
                }

                tree.WritePath(position, proof.AsSpan(offset, LigeroLayout.ElementBytes * layout.LogN));
                offset += LigeroLayout.ElementBytes * layout.LogN;
            }

            return proof;
        }
        finally
        {
            Array.Clear(x);
            Array.Clear(y);
            Array.Clear(z);
            Array.Clear(quotientMask);
            foreach (var array in coefficients.Concat(codewords).Concat(productHats))
            {
                if (array is not null)
                {
                    Array.Clear(array);
                }
            }

            if (salts is not null)
            {
                CryptographicOperations.ZeroMemory(salts);
            }

            tree?.Clear();
        }
    }

    /// <summary>The value of message cell <paramref name="j"/> of data row <paramref name="row"/> (zero past the end of its block).</summary>
    private static Fr Cell(LigeroLayout layout, int row, int j, FieldElement[] witness, Fr[] x, Fr[] y, Fr[] z)
    {
        var ell = layout.MessageLength;
        if (row < layout.WitnessRows)
        {
            var index = (row * ell) + j;
            return index < witness.Length ? witness[index].Value : Fr.Zero;
        }

        var block = (row - layout.WitnessRows) / layout.ProductRows;
        var cell = ((row - layout.WitnessRows - (block * layout.ProductRows)) * ell) + j;
        var source = block switch { 0 => x, 1 => y, _ => z };
        return cell < source.Length ? source[cell] : Fr.Zero;
    }

    private static FieldElement[] PublicValues(ConstraintSystem system, FieldElement[] witness) => witness[1..(1 + system.PublicCount)];

    /// <summary>A uniform polynomial of degree below 2K whose values on the ℓ message points sum to zero.</summary>
    private static Fr[] LinearMask(LigeroLayout layout, FrDomain messageDomain)
    {
        var mask = new Fr[layout.D];
        LigeroChallenges.RandomElements(mask);
        var sum = LigeroPolynomials.SumOverMessagePoints(layout, messageDomain, mask);

        // (1/K)·Σ_{i<K} X^i is 1 at ω_K^0 and 0 at the other points of H: subtracting sum times it zeroes the sum.
        var shift = sum * messageDomain.SizeInverse;
        for (var i = 0; i < layout.K; i++)
        {
            mask[i] -= shift;
        }

        return mask;
    }

    /// <summary>Z_ℓ·s for the uniform s of degree below D − ℓ: uniform among polynomials of degree below D that vanish on the message points.</summary>
    private static Fr[] QuadraticMask(LigeroLayout layout, FrDomain productDomain, Fr[] vanishing, Fr[] quotientMask)
    {
        var mask = new Fr[layout.D];
        quotientMask.CopyTo(mask, 0);
        productDomain.CosetForward(mask);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] *= vanishing[i];
        }

        productDomain.CosetInverse(mask);
        return mask;
    }

    /// <summary>s = s_mask + Σ β_i(p_x·p_y − p_z) / Z_ℓ, exact because a satisfying witness makes the sum vanish on H_ℓ.</summary>
    private static Fr[] QuadraticQuotient(LigeroLayout layout, FrDomain productDomain, Fr[] inverseVanishing, Fr[] beta, Fr[][] productHats, Fr[] quotientMask)
    {
        var d = layout.D;
        var sum = new Fr[d];
        for (var i = 0; i < layout.ProductRows; i++)
        {
            var px = productHats[i];
            var py = productHats[layout.ProductRows + i];
            var pz = productHats[(2 * layout.ProductRows) + i];
            var weight = beta[i];
            for (var j = 0; j < d; j++)
            {
                sum[j] += weight * ((px[j] * py[j]) - pz[j]);
            }
        }

        for (var j = 0; j < d; j++)
        {
            sum[j] *= inverseVanishing[j];
        }

        productDomain.CosetInverse(sum);
        var quotient = new Fr[layout.QuotientLength];
        for (var j = 0; j < quotient.Length; j++)
        {
            quotient[j] = sum[j] + quotientMask[j];
        }

        for (var j = quotient.Length; j < d; j++)
        {
            if (!sum[j].IsZero)
            {
                Array.Clear(sum);
                throw new InvalidOperationException("The quadratic test's polynomial does not vanish on the message points: the witness does not satisfy the constraints.");
            }
        }

        Array.Clear(sum);
        return quotient;
    }

    private static LigeroMerkleTree Commit(LigeroLayout layout, Fr[][] codewords, byte[] salts, ParallelOptions parallel)
    {
        var leafHashes = new byte[layout.N * LigeroLayout.ElementBytes];
        var inputLength = LigeroMerkleTree.LeafInputLength(layout.RowCount);
        Parallel.For(0, layout.N, parallel, () => new byte[inputLength], (position, _, input) =>
        {
            salts.AsSpan(position * LigeroLayout.SaltBytes, LigeroLayout.SaltBytes).CopyTo(input.AsSpan(LigeroMerkleTree.PrefixLength));
            var offset = LigeroMerkleTree.PrefixLength + LigeroLayout.SaltBytes;
            for (var row = 0; row < codewords.Length; row++)
            {
                codewords[row][position].WriteMontgomeryLittleEndian(input.AsSpan(offset, LigeroLayout.ElementBytes));
                offset += LigeroLayout.ElementBytes;
            }

            LigeroMerkleTree.HashLeaf(position, input, leafHashes.AsSpan(position * LigeroLayout.ElementBytes, LigeroLayout.ElementBytes));
            return input;
        }, input => CryptographicOperations.ZeroMemory(input));
        return LigeroMerkleTree.Build(leafHashes, layout.LogN);
    }

    private static int WriteElements(byte[] destination, int offset, Fr[] values)
    {
        foreach (var value in values)
        {
            value.WriteBigEndian(destination.AsSpan(offset, LigeroLayout.ElementBytes));
            offset += LigeroLayout.ElementBytes;
        }

        return offset;
    }
}
