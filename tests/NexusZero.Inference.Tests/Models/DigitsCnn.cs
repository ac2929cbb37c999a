using System.IO.Compression;
using System.Security.Cryptography;
using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;

namespace NexusZero.Inference.Tests.Models;

/// <summary>
/// The UCI 8×8 digits (Data/README.md) and a CNN trained on them here: Conv 1 → 4 filters (3×3, pad 1), ReLU,
/// MaxPool 2×2, Flatten, Gemm 64 → 10, Softmax; pixels divided by 16 outside the model; minibatch Adam on
/// cross-entropy with fixed seeds; the first 1,200 rows of a seeded shuffle train, the remaining 597 test.
/// </summary>
internal sealed class DigitsCnn
{
    public const string Sha256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";
    private const int Filters = 4;
    private const int Classes = 10;
    private const int Pooled = Filters * 16;

    private static readonly Lazy<DigitsCnn> Shared = new(() => new DigitsCnn());

    // Parameters: kernels [4,1,3,3], conv bias [4], dense weights [64,10], dense bias [10].
    private readonly double[][] _p =
    [
        new double[Filters * 9],
        new double[Filters],
        new double[Pooled * Classes],
        new double[Classes],
    ];

    private DigitsCnn()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "digits.csv.gz");
        var bytes = File.ReadAllBytes(path);
        FileHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var reader = new StreamReader(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));
        var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var order = Enumerable.Range(0, rows.Length).ToArray();
        new Random(3).Shuffle(order);
        double[] Pixels(double[] r) => [.. r.Take(64).Select(v => v / 16)];
        TrainInputs = [.. order.Take(1200).Select(i => Pixels(rows[i]))];
        TrainLabels = [.. order.Take(1200).Select(i => (int)rows[i][64])];
        TestInputs = [.. order.Skip(1200).Select(i => Pixels(rows[i]))];
        TestLabels = [.. order.Skip(1200).Select(i => (int)rows[i][64])];
        Train();
        Onnx = new OnnxGraphBuilder("image", [1, 1, 8, 8], symbolicBatch: true)
            .Initializer("K", [Filters, 1, 3, 3], ToFloats(_p[0])).Initializer("KB", [Filters], ToFloats(_p[1]))
            .Initializer("W", [Pooled, Classes], ToFloats(_p[2])).Initializer("B", [Classes], ToFloats(_p[3]))
            .Node("Conv", ["image", "K", "KB"], "c", Ints("pads", 1, 1, 1, 1))
            .Node("Relu", ["c"], "r")
            .Node("MaxPool", ["r"], "p", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2))
            .Node("Flatten", ["p"], "f")
            .Node("Gemm", ["f", "W", "B"], "logits")
            .Node("Softmax", ["logits"], "probabilities", Int("axis", 1))
            .Build("probabilities", [1, Classes], symbolicBatch: true);
    }

    public static DigitsCnn Instance => Shared.Value;

    public string FileHash { get; }

    public byte[] Onnx { get; }

    public double[][] TrainInputs { get; }

    public int[] TrainLabels { get; }

    public double[][] TestInputs { get; }

    public int[] TestLabels { get; }

    private static float[] ToFloats(double[] values) => [.. values.Select(v => (float)v)];

    private void Train()
    {
        var random = new Random(17);
        foreach (var (index, scale) in new[] { (0, 0.6), (2, 0.25) })
        {
            for (var i = 0; i < _p[index].Length; i++)
            {
                _p[index][i] = (random.NextDouble() - 0.5) * scale;
            }
        }

        var m = _p.Select(p => new double[p.Length]).ToArray();
        var v = _p.Select(p => new double[p.Length]).ToArray();
        var order = Enumerable.Range(0, TrainInputs.Length).ToArray();
        var step = 0;
        for (var epoch = 0; epoch < 12; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += 32)
            {
                var gradient = _p.Select(p => new double[p.Length]).ToArray();
                var batch = order.Skip(start).Take(32).ToArray();
                foreach (var n in batch)
                {
                    Backward(TrainInputs[n], TrainLabels[n], gradient, 1.0 / batch.Length);
                }

                step++;
                for (var p = 0; p < _p.Length; p++)
                {
                    for (var i = 0; i < _p[p].Length; i++)
                    {
                        m[p][i] = (0.9 * m[p][i]) + (0.1 * gradient[p][i]);
                        v[p][i] = (0.999 * v[p][i]) + (0.001 * gradient[p][i] * gradient[p][i]);
                        _p[p][i] -= 0.01 * (m[p][i] / (1 - Math.Pow(0.9, step))) / (Math.Sqrt(v[p][i] / (1 - Math.Pow(0.999, step))) + 1e-8);
                    }
                }
            }
        }
    }

    private void Backward(double[] x, int label, double[][] gradient, double weight)
    {
        var z = new double[Filters * 64];
        for (var f = 0; f < Filters; f++)
        {
            for (var y = 0; y < 8; y++)
            {
                for (var c = 0; c < 8; c++)
                {
                    var sum = _p[1][f];
                    for (var ky = 0; ky < 3; ky++)
                    {
                        for (var kx = 0; kx < 3; kx++)
                        {
                            var (yy, xx) = (y + ky - 1, c + kx - 1);
                            if (yy >= 0 && yy < 8 && xx >= 0 && xx < 8)
                            {
                                sum += _p[0][(f * 9) + (ky * 3) + kx] * x[(yy * 8) + xx];
                            }
                        }
                    }

                    z[(f * 64) + (y * 8) + c] = sum;
                }
            }
        }

        var pooled = new double[Pooled];
        var source = new int[Pooled];
        for (var f = 0; f < Filters; f++)
        {
            for (var py = 0; py < 4; py++)
            {
                for (var px = 0; px < 4; px++)
                {
                    var o = (f * 16) + (py * 4) + px;
                    pooled[o] = double.NegativeInfinity;
                    for (var dy = 0; dy < 2; dy++)
                    {
                        for (var dx = 0; dx < 2; dx++)
                        {
                            var i = (f * 64) + (((py * 2) + dy) * 8) + (px * 2) + dx;
                            if (Math.Max(z[i], 0) > pooled[o])
                            {
                                (pooled[o], source[o]) = (Math.Max(z[i], 0), i);
                            }
                        }
                    }
                }
            }
        }

        var logits = new double[Classes];
        for (var k = 0; k < Classes; k++)
        {
            logits[k] = _p[3][k];
            for (var j = 0; j < Pooled; j++)
            {
                logits[k] += pooled[j] * _p[2][(j * Classes) + k];
            }
        }

        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var total = exp.Sum();
        var delta = exp.Select((e, k) => ((e / total) - (k == label ? 1 : 0)) * weight).ToArray();
        for (var k = 0; k < Classes; k++)
        {
            gradient[3][k] += delta[k];
        }

        for (var j = 0; j < Pooled; j++)
        {
            var back = 0.0;
            for (var k = 0; k < Classes; k++)
            {
                gradient[2][(j * Classes) + k] += pooled[j] * delta[k];
                back += _p[2][(j * Classes) + k] * delta[k];
            }

            var i = source[j];
            if (z[i] <= 0)
            {
                continue;
            }

            var (f, y, c) = (i / 64, i % 64 / 8, i % 8);
            gradient[1][f] += back;
            for (var ky = 0; ky < 3; ky++)
            {
                for (var kx = 0; kx < 3; kx++)
                {
                    var (yy, xx) = (y + ky - 1, c + kx - 1);
                    if (yy >= 0 && yy < 8 && xx >= 0 && xx < 8)
                    {
                        gradient[0][(f * 9) + (ky * 3) + kx] += back * x[(yy * 8) + xx];
                    }
                }
            }
        }
    }
}
