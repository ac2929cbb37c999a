using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests;

/// <summary>Seeded models and data shared by the tests.</summary>
internal static class TestModels
{
    public static DenseModel Mlp(int inputs, int hidden, int outputs, Activation hiddenActivation, Activation outputActivation, int seed)
    {
        var random = new Random(seed);
        return new DenseModel(
        [
            new DenseLayer(RandomMatrix(hidden, inputs, random), RandomVector(hidden, random), hiddenActivation),
            new DenseLayer(RandomMatrix(outputs, hidden, random), RandomVector(outputs, random), outputActivation),
        ]);
    }

    public static double[][] Rows(int count, int columns, int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        var rows = new double[count][];
        for (int r = 0; r < count; r++)
        {
            rows[r] = new double[columns];
            for (int c = 0; c < columns; c++)
            {
                rows[r][c] = scale * ((random.NextDouble() * 2) - 1) * (1 + c * 0.25);
            }
        }

        return rows;
    }

    public static BackgroundData Background(int count, int columns, int seed) => BackgroundData.FromRows(Rows(count, columns, seed));

    public static double[] Predict(IBatchModel model, double[] x)
    {
        var y = new double[model.OutputCount];
        model.Predict(x, 1, y);
        return y;
    }

    private static double[,] RandomMatrix(int rows, int columns, Random random)
    {
        var m = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                m[r, c] = (random.NextDouble() * 2 - 1) * 1.2;
            }
        }

        return m;
    }

    private static double[] RandomVector(int length, Random random) =>
        [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2) - 1)];
}
