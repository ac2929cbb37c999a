using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// The Ligero verifier (docs/security.md, "Ligero"). It reads the proof strictly (exact length from the layout,
/// canonical field elements), replays the transcript, checks every opened column against the commitment and then
/// the proximity, linear and quadratic tests at every opened column, and the linear test's sum. Never throws for a
/// bad proof.
/// </summary>
internal static class LigeroVerifier
{
    public static VerificationResult Verify(LigeroLayout layout, ConstraintSystem system, IReadOnlyList<FieldElement> publics, ReadOnlySpan<byte> proof, Transcript transcript)
    {
        if (proof.Length != layout.ProofLength)
        {
            return Malformed($"A Ligero proof of this circuit under {layout.Parameters.Name} is {layout.ProofLength} bytes, not {proof.Length}.");
        }

        var rows = layout.RowCount;
        var d = layout.D;
        var offset = LigeroLayout.ElementBytes;
        var root = proof[..LigeroLayout.ElementBytes].ToArray();
        var responsesStart = offset;
        var q0 = new Fr[d];
        var q1 = new Fr[d];
        var quotient = new Fr[layout.QuotientLength];
        if (!ReadElements(proof, ref offset, q0, "q0", out var error)
            || !ReadElements(proof, ref offset, q1, "q1", out error)
            || !ReadElements(proof, ref offset, quotient, "the quadratic quotient", out error))
        {
            return Malformed(error);
        }

        var responses = proof[responsesStart..offset];
        var columns = new Fr[layout.Queries][];
        var salts = new byte[layout.Queries][];
        var paths = new byte[layout.Queries][];
        for (var q = 0; q < layout.Queries; q++)
        {
            salts[q] = proof.Slice(offset, LigeroLayout.SaltBytes).ToArray();
            offset += LigeroLayout.SaltBytes;
            columns[q] = new Fr[rows];
            if (!ReadElements(proof, ref offset, columns[q], $"column {q}", out error))
            {
                return Malformed(error);
            }

            paths[q] = proof.Slice(offset, LigeroLayout.ElementBytes * layout.LogN).ToArray();
            offset += LigeroLayout.ElementBytes * layout.LogN;
        }

        transcript.AppendMessage("ligero-commitment"u8, root);
        var rowWeights = new Fr[rows - 1];
        LigeroChallenges.FieldElements(transcript, "ligero-proximity"u8, rowWeights);
        var alpha = new Fr[1];
        LigeroChallenges.FieldElements(transcript, "ligero-linear"u8, alpha);
        var beta = new Fr[layout.ProductRows];
        LigeroChallenges.FieldElements(transcript, "ligero-quadratic"u8, beta);
        transcript.AppendMessage("ligero-responses"u8, responses);
        var positions = LigeroChallenges.QueryPositions(transcript, layout.Queries, layout.LogN);

        var inputLength = LigeroMerkleTree.LeafInputLength(rows);
        var input = new byte[inputLength];
        Span<byte> leaf = stackalloc byte[LigeroLayout.ElementBytes];
        for (var q = 0; q < layout.Queries; q++)
        {
            salts[q].CopyTo(input.AsSpan(LigeroMerkleTree.PrefixLength));
            var at = LigeroMerkleTree.PrefixLength + LigeroLayout.SaltBytes;
            foreach (var value in columns[q])
            {
                value.WriteMontgomeryLittleEndian(input.AsSpan(at, LigeroLayout.ElementBytes));
                at += LigeroLayout.ElementBytes;
            }

            LigeroMerkleTree.HashLeaf(positions[q], input, leaf);
            if (!LigeroMerkleTree.VerifyPath(root, positions[q], leaf, paths[q], layout.LogN))
            {
                return Failed($"Opened column {q} (position {positions[q]}) does not match the Merkle commitment.");
            }
        }

        var messageDomain = new FrDomain(layout.LogK);
        var codeDomain = new FrDomain(layout.LogN);
        var (linear, target) = LigeroLinearCheck.Compute(layout, system, alpha[0], publics);
        if (LigeroPolynomials.SumOverMessagePoints(layout, messageDomain, q1) != target)
        {
            return Failed("Linear test: q1 does not sum to the public target over the message points.");
        }

        var q0Values = LigeroPolynomials.OnCodeDomain(codeDomain, q0);
        var q1Values = LigeroPolynomials.OnCodeDomain(codeDomain, q1);
        var quotientValues = LigeroPolynomials.OnCodeDomain(codeDomain, quotient);
        var failures = new string?[layout.Queries];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = layout.Queries * (long)layout.DataRows * layout.MessageLength >= 1 << 16 ? -1 : 1 };
        Parallel.For(0, layout.Queries, parallel, q =>
            failures[q] = CheckColumn(layout, messageDomain, codeDomain, positions[q], columns[q], rowWeights, beta, linear, q0Values, q1Values, quotientValues));
        for (var q = 0; q < failures.Length; q++)
        {
            if (failures[q] is { } failure)
            {
                return Failed($"{failure} at opened column {q} (position {positions[q]}).");
            }
        }

        return VerificationResult.Valid;
    }

    private static string? CheckColumn(LigeroLayout layout, FrDomain messageDomain, FrDomain codeDomain, int position, Fr[] column, Fr[] rowWeights, Fr[] beta, Fr[] linear, Fr[] q0Values, Fr[] q1Values, Fr[] quotientValues)
    {
        var proximity = column[layout.BlindRow];
        for (var row = 0; row < rowWeights.Length; row++)
        {
            proximity += rowWeights[row] * column[row];
        }

        if (proximity != q0Values[position])
        {
            return "Proximity test failed";
        }

        var point = LigeroPolynomials.CodePoint(codeDomain, position);
        var quadratic = column[layout.QuadraticMaskRow];
        for (var i = 0; i < layout.ProductRows; i++)
        {
            quadratic += beta[i] * ((column[layout.XRow(i)] * column[layout.YRow(i)]) - column[layout.ZRow(i)]);
        }

        if (quadratic != LigeroPolynomials.MessageVanishing(layout, messageDomain, point) * quotientValues[position])
        {
            return "Quadratic test failed";
        }

        // r_i(point) = Σ_j R_i[j]·L_j(point), with L_j the Lagrange basis of H (only the ℓ message points carry weight).
        var lagrange = messageDomain.LagrangeAt(point);
        var ell = layout.MessageLength;
        var sum = column[layout.LinearMaskRow];
        for (var row = 0; row < layout.DataRows; row++)
        {
            var r = Fr.Zero;
            var weights = linear.AsSpan(row * ell, ell);
            for (var j = 0; j < ell; j++)
            {
                r += weights[j] * lagrange[j];
            }

            sum += r * column[row];
        }

        return sum == q1Values[position] ? null : "Linear test failed";
    }

    private static bool ReadElements(ReadOnlySpan<byte> proof, ref int offset, Fr[] destination, string section, out string error)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if (!Fr.TryFromBigEndian(proof.Slice(offset, LigeroLayout.ElementBytes), out destination[i]))
            {
                error = $"Element {i} of {section} is not a canonical field element (it must be below r).";
                return false;
            }

            offset += LigeroLayout.ElementBytes;
        }

        error = string.Empty;
        return true;
    }

    private static VerificationResult Malformed(string reason) => VerificationResult.Invalid(VerificationFailure.MalformedProof, reason);

    private static VerificationResult Failed(string reason) => VerificationResult.Invalid(VerificationFailure.EquationFailed, reason);
}
