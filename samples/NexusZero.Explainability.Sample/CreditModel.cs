using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Sample;

/// <summary>
/// A small hand-set credit-scoring MLP (8 inputs, 6 tanh units, sigmoid output) and synthetic applicants.
/// The weights encode plausible effects: income, history and employment help; debt, late payments and a large loan hurt.
/// </summary>
internal static class CreditModel
{
    public static readonly string[] Features =
        ["income_k", "debt_ratio", "age", "late_payments", "credit_history_years", "open_accounts", "employment_years", "loan_amount_k"];

    private static readonly double[] Mean = [55, 0.35, 42, 1, 8, 5, 7, 25];
    private static readonly double[] Scale = [20, 0.15, 12, 1.2, 5, 2.5, 6, 12];

    public static DenseModel Create()
    {
        // Hidden units read standardized features: z_i = (x_i − mean_i) / scale_i, folded into the weights and biases.
        double[,] onStandardized =
        {
            { 0.9, -0.8, 0.0, -0.3, 0.2, 0.0, 0.3, -0.6 },
            { 0.2, -0.3, 0.1, -1.1, 0.4, -0.1, 0.1, 0.0 },
            { 0.3, 0.0, 0.2, 0.0, 0.8, 0.3, 0.6, 0.0 },
            { -0.4, 0.9, 0.0, 0.5, 0.0, 0.4, 0.0, 0.7 },
            { 0.5, -0.5, 0.0, -0.5, 0.0, 0.0, 0.0, -0.9 },
            { 0.0, 0.0, -0.2, 0.6, -0.3, 0.5, -0.4, 0.2 },
        };
        var w1 = new double[6, 8];
        var b1 = new double[6];
        for (int h = 0; h < 6; h++)
        {
            for (int i = 0; i < 8; i++)
            {
                w1[h, i] = onStandardized[h, i] / Scale[i];
                b1[h] -= onStandardized[h, i] * Mean[i] / Scale[i];
            }
        }

        double[,] w2 = { { 0.7, 0.6, 0.4, -0.65, 0.5, -0.35 } };
        return new DenseModel(
            [new DenseLayer(w1, b1, Activation.Tanh), new DenseLayer(w2, [0.3], Activation.Sigmoid)],
            Features,
            ["p_repay"]);
    }

    public static double[][] Applicants(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new double[count][];
        for (int r = 0; r < count; r++)
        {
            rows[r] = new double[Features.Length];
            for (int i = 0; i < Features.Length; i++)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                double gaussian = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                rows[r][i] = Math.Max(0, Mean[i] + (Scale[i] * gaussian));
            }

            rows[r][1] = Math.Min(rows[r][1], 1);
            rows[r][2] = Math.Max(18, Math.Round(rows[r][2]));
            for (int i = 3; i <= 6; i++)
            {
                rows[r][i] = Math.Round(rows[r][i]);
            }
        }

        return rows;
    }
}
