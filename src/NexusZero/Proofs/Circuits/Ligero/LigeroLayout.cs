using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// Where every value of a Ligero proof lives, derived from the circuit's counts and the parameter set alone, so the
/// prover and the verifier agree on it and the verifier knows the exact proof length before it reads a byte.
/// </summary>
/// <remarks>
/// Rows of K = 2^LogK message-domain points H carry ℓ = K − t values each; the other t points get fresh randomness,
/// so the t opened columns are uniform. Rows: the witness w (wires), then x = Aw, y = Bw, z = Cw (the same number of
/// rows each, so x, y and z of one constraint share a row and a column), then the linear-test mask, the
/// quadratic-test mask and the blinding row. Every row is a codeword of the Reed–Solomon code of polynomials of
/// degree below D = 2K on the coset 5·⟨ω_N⟩, N = D/ρ. K is the one that minimises the proof length.
/// </remarks>
internal sealed class LigeroLayout
{
    /// <summary>Field elements and hashes are 32 bytes.</summary>
    public const int ElementBytes = 32;

    /// <summary>Each leaf's salt.</summary>
    public const int SaltBytes = 32;

    private LigeroLayout(LigeroParameters parameters, int variables, int constraints, int publics, int logK)
    {
        Parameters = parameters;
        Queries = parameters.Queries;
        Variables = variables;
        Constraints = constraints;
        Publics = publics;
        LogK = logK;
        K = 1 << logK;
        MessageLength = K - Queries;
        D = 2 * K;
        LogN = logK + 1 + parameters.LogInverseRate;
        N = 1 << LogN;
        WitnessRows = Ceiling(variables, MessageLength);
        ProductRows = Ceiling(constraints, MessageLength);
        LinearMaskRow = WitnessRows + (3 * ProductRows);
        QuadraticMaskRow = LinearMaskRow + 1;
        BlindRow = LinearMaskRow + 2;
        RowCount = LinearMaskRow + 3;
        QuotientLength = D - MessageLength;
        long length = ElementBytes
            + ((long)ElementBytes * (D + D + QuotientLength))
            + ((long)Queries * (SaltBytes + ((long)ElementBytes * RowCount) + ((long)ElementBytes * LogN)));
        ProofLength = length;
    }

    public LigeroParameters Parameters { get; }

    /// <summary>t.</summary>
    public int Queries { get; }

    /// <summary>Wires of the circuit, the constant one included.</summary>
    public int Variables { get; }

    /// <summary>m.</summary>
    public int Constraints { get; }

    /// <summary>Public values after the constant one.</summary>
    public int Publics { get; }

    public int LogK { get; }

    /// <summary>|H|.</summary>
    public int K { get; }

    /// <summary>ℓ = K − t: values per row.</summary>
    public int MessageLength { get; }

    /// <summary>The code's degree bound, 2K.</summary>
    public int D { get; }

    public int LogN { get; }

    /// <summary>Code length.</summary>
    public int N { get; }

    public int WitnessRows { get; }

    /// <summary>Rows of x (and of y, and of z).</summary>
    public int ProductRows { get; }

    public int XRow(int i) => WitnessRows + i;

    public int YRow(int i) => WitnessRows + ProductRows + i;

    public int ZRow(int i) => WitnessRows + (2 * ProductRows) + i;

    /// <summary>Rows that carry witness-derived values (w, x, y, z): the linear test covers them.</summary>
    public int DataRows => LinearMaskRow;

    public int LinearMaskRow { get; }

    public int QuadraticMaskRow { get; }

    public int BlindRow { get; }

    /// <summary>M: every committed row.</summary>
    public int RowCount { get; }

    /// <summary>Coefficients of the quadratic test's quotient s = q₂ / Z_ℓ, degree below D − ℓ.</summary>
    public int QuotientLength { get; }

    /// <summary>The exact encoded length in bytes.</summary>
    public long ProofLength { get; }

    /// <summary>
    /// The layout for <paramref name="system"/> under <paramref name="parameters"/>, or null when no row length fits
    /// Fr's two-adicity (the circuit is too large for this rate).
    /// </summary>
    public static LigeroLayout? For(ConstraintSystem system, LigeroParameters parameters) =>
        For(system.VariableCount, system.ConstraintCount, system.PublicCount, parameters);

    /// <summary>The layout from the counts alone.</summary>
    public static LigeroLayout? For(int variables, int constraints, int publics, LigeroParameters parameters)
    {
        LigeroLayout? best = null;
        var logK = 1;
        while ((1 << logK) <= parameters.Queries)
        {
            logK++;
        }

        for (; logK + 1 + parameters.LogInverseRate <= FrDomain.MaxLogSize; logK++)
        {
            var candidate = new LigeroLayout(parameters, variables, constraints, publics, logK);
            if (best is null || candidate.ProofLength < best.ProofLength)
            {
                best = candidate;
            }

            // Past one row for everything, longer rows only lengthen the responses.
            if (candidate.WitnessRows == 1 && candidate.ProductRows <= 1)
            {
                break;
            }
        }

        return best;
    }

    private static int Ceiling(int count, int per) => (int)(((long)count + per - 1) / per);
}
