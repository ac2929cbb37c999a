using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// Fits the cost model: for each proof system's block of feature columns and each of the three costs, an
/// ordinary least-squares fit of ln(cost) (QR, MathNet.Numerics; a small ridge keeps a shape-poor data set
/// solvable). The blocks are fitted on their own rows only, so W is block-diagonal and B stays zero: the
/// indicator columns carry the intercepts.
/// </summary>
internal static class CostModelTrainer
{
    private const double Ridge = 1e-6;

    /// <summary>Fits <paramref name="samples"/>; returns the ONNX bytes and a Markdown summary of the data and fit error.</summary>
    /// <exception cref="ArgumentException">A block has fewer rows than columns.</exception>
    public static (byte[] Model, string Summary) Train(IReadOnlyList<CostSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        float[,] weights = new float[CostFeatures.Count, CostFeatures.Outputs];
        var summary = new StringBuilder();
        summary.AppendLine("| system | rows | features | output | RMS error of ln(cost) | median relative error | worst relative error |");
        summary.AppendLine("|---|---|---|---|---|---|---|");
        foreach ((string system, int first, int width) in new[] { (CostSample.ModuleLwe, 0, 6), (CostSample.RangeProof, 6, 5) })
        {
            CostSample[] rows = [.. samples.Where(s => s.System == system)];
            if (rows.Length < width)
            {
                throw new ArgumentException($"{rows.Length} {system} rows cannot fit {width} columns.", nameof(samples));
            }

            Matrix<double> x = Matrix<double>.Build.Dense(rows.Length, width);
            float[] row = new float[CostFeatures.Count];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i].Features(row);
                for (int j = 0; j < width; j++)
                {
                    x[i, j] = row[first + j];
                }
            }

            Matrix<double> gram = x.TransposeThisAndMultiply(x) + (Ridge * Matrix<double>.Build.DenseIdentity(width));
            for (int output = 0; output < CostFeatures.Outputs; output++)
            {
                Vector<double> y = Vector<double>.Build.Dense(rows.Length, i => Math.Log(Target(rows[i], output)));
                Vector<double> w = gram.QR().Solve(x.TransposeThisAndMultiply(y));
                for (int j = 0; j < width; j++)
                {
                    weights[first + j, output] = (float)w[j];
                }

                Vector<double> residual = (x * w) - y;
                double[] relative = [.. residual.Select(r => Math.Abs(Math.Exp(r) - 1)).Order()];
                summary.AppendLine(CultureInfo.InvariantCulture, $"| {system} | {rows.Length} | {width} | {OutputName(output)} | {Math.Sqrt(residual.DotProduct(residual) / rows.Length):F3} | {relative[relative.Length / 2]:P1} | {relative[^1]:P1} |");
            }
        }

        return (OnnxModelWriter.LinearModel(weights, new float[CostFeatures.Outputs]), summary.ToString());
    }

    private static double Target(CostSample sample, int output) => output switch
    {
        0 => sample.ProvingMicroseconds,
        1 => sample.VerificationMicroseconds,
        _ => sample.ProofBytes,
    };

    private static string OutputName(int output) => output switch
    {
        0 => "proving µs",
        1 => "verification µs",
        _ => "proof bytes",
    };
}
