using NexusZero.Groups;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// The model's input row, shared by training and inference so the two cannot drift apart. Two blocks, one per
/// proof system, each led by an indicator column that carries that system's intercept (the model is linear in
/// these columns and predicts the logarithms of the three costs, so each block is a log-linear fit):
/// Module-LWE (0–5): 1, ln(k·l), ln(k + l), ln(log2 γ1 + 1), ln(expected repetitions), τ/64;
/// Bulletproofs (6–10): 1, ln(n·m), ln(m), ln(2·log2(n·m) + 9), secp256k1 (0/1).
/// </summary>
internal static class CostFeatures
{
    /// <summary>Columns per row.</summary>
    public const int Count = 11;

    /// <summary>Predicted quantities per row: proving µs, verification µs, proof bytes.</summary>
    public const int Outputs = 3;

    /// <summary>Writes the Module-LWE row for <paramref name="parameters"/> and secrets bounded by <paramref name="eta"/>.</summary>
    public static void ModuleLwe(ModuleLweParameters parameters, int eta, Span<float> row)
    {
        ModuleLweParameterChoice choice = ModuleLweParameterSelector.Evaluate(parameters, eta);
        ModuleLwe(parameters.K, parameters.L, parameters.Gamma1Bits, parameters.Tau, choice.ExpectedRepetitions, row);
    }

    /// <summary>Writes the Module-LWE row from raw figures (the trainer reads them from the CSV).</summary>
    public static void ModuleLwe(int k, int l, int gamma1Bits, int tau, double expectedRepetitions, Span<float> row)
    {
        row[..Count].Clear();
        row[0] = 1;
        row[1] = (float)Math.Log(k * l);
        row[2] = (float)Math.Log(k + l);
        row[3] = (float)Math.Log(gamma1Bits + 1);
        row[4] = (float)Math.Log(Math.Max(1, expectedRepetitions));
        row[5] = tau / 64f;
    }

    /// <summary>Writes the Bulletproofs row for <paramref name="aggregated"/> values of <paramref name="bits"/> bits over <paramref name="group"/>.</summary>
    public static void RangeProof(GroupId group, int bits, int aggregated, Span<float> row)
    {
        row[..Count].Clear();
        double nm = (double)bits * aggregated;
        row[6] = 1;
        row[7] = (float)Math.Log(nm);
        row[8] = (float)Math.Log(aggregated);
        row[9] = (float)Math.Log((2 * Math.Log2(nm)) + 9);
        row[10] = group == GroupId.Secp256k1 ? 1 : 0;
    }
}
