using System.Security.Cryptography;
using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;

namespace NexusZero.Inference.Tests.Models;

/// <summary>
/// The UCI Wine table (Data/README.md) and a 13 → 10 → 3 MLP trained on it here: features standardized with
/// the training split's mean and deviation (outside the model), ReLU hidden layer, Softmax output, full-batch
/// Adam on cross-entropy, fixed seed. Rows are split 2:1 into train and test by a seeded shuffle.
/// </summary>
internal sealed class WineMlp
{
    public const string Sha256 = "10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede";
    private const int Features = 13;
    private const int Hidden = 10;
    private const int Classes = 3;

    private static readonly Lazy<WineMlp> Shared = new(() => new WineMlp());

    private WineMlp()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "wine.csv");
        var bytes = File.ReadAllBytes(path);
        FileHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var rows = System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var order = Enumerable.Range(0, rows.Length).OrderBy(_ => 0).ToArray();
        new Random(5).Shuffle(order);
        var train = order.Take(rows.Length * 2 / 3).Select(i => rows[i]).ToArray();
        var test = order.Skip(rows.Length * 2 / 3).Select(i => rows[i]).ToArray();
        var mean = Enumerable.Range(0, Features).Select(j => train.Average(r => r[j])).ToArray();
        var deviation = Enumerable.Range(0, Features).Select(j => Math.Sqrt(train.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])))).ToArray();
        double[] Standardize(double[] r) => [.. Enumerable.Range(0, Features).Select(j => (r[j] - mean[j]) / deviation[j])];
        TrainInputs = [.. train.Select(Standardize)];
        TrainLabels = [.. train.Select(r => (int)r[Features])];
        TestInputs = [.. test.Select(Standardize)];
        TestLabels = [.. test.Select(r => (int)r[Features])];
        var (w1, b1, w2, b2) = Train(TrainInputs, TrainLabels);
        Onnx = new OnnxGraphBuilder("features", [1, Features], symbolicBatch: true)
            .Initializer("W1", [Features, Hidden], w1).Initializer("B1", [Hidden], b1)
            .Initializer("W2", [Hidden, Classes], w2).Initializer("B2", [Classes], b2)
            .Node("Gemm", ["features", "W1", "B1"], "h")
            .Node("Relu", ["h"], "a")
            .Node("Gemm", ["a", "W2", "B2"], "logits")
            .Node("Softmax", ["logits"], "probabilities", Int("axis", 1))
            .Build("probabilities", [1, Classes], symbolicBatch: true);
    }

    public static WineMlp Instance => Shared.Value;

    public string FileHash { get; }

    public byte[] Onnx { get; }

    public double[][] TrainInputs { get; }

    public int[] TrainLabels { get; }

    public double[][] TestInputs { get; }

    public int[] TestLabels { get; }

    private static (float[] W1, float[] B1, float[] W2, float[] B2) Train(double[][] x, int[] y)
    {
        var random = new Random(9);
        var parameters = new double[4][];
        parameters[0] = [.. Enumerable.Range(0, Features * Hidden).Select(_ => (random.NextDouble() - 0.5) * 0.6)];
        parameters[1] = new double[Hidden];
        parameters[2] = [.. Enumerable.Range(0, Hidden * Classes).Select(_ => (random.NextDouble() - 0.5) * 0.6)];
        parameters[3] = new double[Classes];
        var m = parameters.Select(p => new double[p.Length]).ToArray();
        var v = parameters.Select(p => new double[p.Length]).ToArray();
        const double rate = 0.01, beta1 = 0.9, beta2 = 0.999;
        for (var step = 1; step <= 300; step++)
        {
            var gradient = parameters.Select(p => new double[p.Length]).ToArray();
            for (var n = 0; n < x.Length; n++)
            {
                var hidden = new double[Hidden];
                for (var h = 0; h < Hidden; h++)
                {
                    var sum = parameters[1][h];
                    for (var f = 0; f < Features; f++)
                    {
                        sum += x[n][f] * parameters[0][(f * Hidden) + h];
                    }

                    hidden[h] = Math.Max(sum, 0);
                }

                var logits = new double[Classes];
                for (var c = 0; c < Classes; c++)
                {
                    logits[c] = parameters[3][c] + Enumerable.Range(0, Hidden).Sum(h => hidden[h] * parameters[2][(h * Classes) + c]);
                }

                var max = logits.Max();
                var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
                var total = exp.Sum();
                var delta = exp.Select((e, c) => ((e / total) - (c == y[n] ? 1 : 0)) / x.Length).ToArray();
                for (var h = 0; h < Hidden; h++)
                {
                    var back = 0.0;
                    for (var c = 0; c < Classes; c++)
                    {
                        gradient[2][(h * Classes) + c] += delta[c] * hidden[h];
                        back += delta[c] * parameters[2][(h * Classes) + c];
                    }

                    if (hidden[h] > 0)
                    {
                        gradient[1][h] += back;
                        for (var f = 0; f < Features; f++)
                        {
                            gradient[0][(f * Hidden) + h] += back * x[n][f];
                        }
                    }
                }

                for (var c = 0; c < Classes; c++)
                {
                    gradient[3][c] += delta[c];
                }
            }

            for (var p = 0; p < parameters.Length; p++)
            {
                for (var i = 0; i < parameters[p].Length; i++)
                {
                    m[p][i] = (beta1 * m[p][i]) + ((1 - beta1) * gradient[p][i]);
                    v[p][i] = (beta2 * v[p][i]) + ((1 - beta2) * gradient[p][i] * gradient[p][i]);
                    var mHat = m[p][i] / (1 - Math.Pow(beta1, step));
                    var vHat = v[p][i] / (1 - Math.Pow(beta2, step));
                    parameters[p][i] -= rate * mHat / (Math.Sqrt(vHat) + 1e-8);
                }
            }
        }

        return (ToFloats(parameters[0]), ToFloats(parameters[1]), ToFloats(parameters[2]), ToFloats(parameters[3]));
    }

    private static float[] ToFloats(double[] values) => [.. values.Select(v => (float)v)];
}
