using System.Globalization;
using NexusZero.Groups;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// One measured candidate: a row of the training CSV (benchmarks/scripts/cost-model-train.sh writes it).
/// Module-LWE rows fill K, L, Eta, Gamma1Bits, Tau and ExpectedRepetitions; range-proof rows fill Group, Bits and Aggregated.
/// </summary>
internal sealed record CostSample(
    string System,
    GroupId Group,
    int K,
    int L,
    int Eta,
    int Gamma1Bits,
    int Tau,
    int Bits,
    int Aggregated,
    double ExpectedRepetitions,
    double ProvingMicroseconds,
    double VerificationMicroseconds,
    double ProofBytes)
{
    /// <summary>The CSV header.</summary>
    public const string Header = "system,group,k,l,eta,gamma1_bits,tau,bits,aggregated,expected_repetitions,prove_us,verify_us,proof_bytes";

    /// <summary>The "system" value of Module-LWE rows.</summary>
    public const string ModuleLwe = "mlwe";

    /// <summary>The "system" value of Bulletproofs rows.</summary>
    public const string RangeProof = "bulletproofs";

    /// <summary>This row as CSV.</summary>
    public string ToCsv() => string.Join(',', System, ((int)Group).ToString(CultureInfo.InvariantCulture), I(K), I(L), I(Eta), I(Gamma1Bits), I(Tau), I(Bits), I(Aggregated), D(ExpectedRepetitions), D(ProvingMicroseconds), D(VerificationMicroseconds), D(ProofBytes));

    /// <summary>Parses one CSV row written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="FormatException">The row does not have the 13 columns or a value does not parse.</exception>
    public static CostSample Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] c = line.Split(',');
        if (c.Length != 13 || c[0] is not (ModuleLwe or RangeProof))
        {
            throw new FormatException($"A cost-model CSV row has 13 columns and starts with {ModuleLwe} or {RangeProof}: '{line}'.");
        }

        return new CostSample(c[0], (GroupId)PI(c[1]), PI(c[2]), PI(c[3]), PI(c[4]), PI(c[5]), PI(c[6]), PI(c[7]), PI(c[8]), PD(c[9]), PD(c[10]), PD(c[11]), PD(c[12]));
    }

    /// <summary>Writes this sample's feature row.</summary>
    public void Features(Span<float> row)
    {
        if (System == ModuleLwe)
        {
            CostFeatures.ModuleLwe(K, L, Gamma1Bits, Tau, ExpectedRepetitions, row);
        }
        else
        {
            CostFeatures.RangeProof(Group, Bits, Aggregated, row);
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int PI(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double PD(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
