using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;

namespace NexusZero.Inference.Tests.Models;

/// <summary>The models the tests import, quantize and prove; between them they use every supported operator.</summary>
internal static class TestModels
{
    /// <summary>4 → 8 (Gemm, Relu) → 3 (MatMul, Add) → Softmax, batch dimension symbolic.</summary>
    public static byte[] Mlp(int seed = 1) => new OnnxGraphBuilder("x", [1, 4], seed, symbolicBatch: true)
        .Random("W1", [8, 4]).Random("B1", [8], 0.2).Random("W2", [8, 3]).Random("B2", [3], 0.2)
        .Node("Gemm", ["x", "W1", "B1"], "h1", Int("transB", 1))
        .Node("Relu", ["h1"], "a1")
        .Node("MatMul", ["a1", "W2"], "z2")
        .Node("Add", ["z2", "B2"], "logits")
        .Node("Softmax", ["logits"], "probabilities", Int("axis", 1))
        .Build("probabilities", [1, 3], symbolicBatch: true);

    /// <summary>A small CNN over a 1×6×6 image with every spatial operator, a residual Add, Sigmoid and Tanh.</summary>
    public static byte[] Cnn(int seed = 2) => new OnnxGraphBuilder("image", [1, 1, 6, 6], seed)
        .Random("K1", [2, 1, 3, 3]).Random("C1", [2], 0.1)
        .Initializer("gamma", [2], [1.2f, 0.8f]).Initializer("beta", [2], [0.1f, -0.1f])
        .Initializer("mean", [2], [0.05f, -0.02f]).Initializer("variance", [2], [0.9f, 1.1f])
        .Random("K2", [2, 2, 3, 3], 0.4)
        .Random("W3", [8, 4], 0.6).Random("B3", [4], 0.1)
        .Random("W4", [4, 4], 0.8)
        .Random("W5", [4, 3], 0.8).Random("B5", [3], 0.1)
        .Shape("flat", [1, -1])
        .Node("Conv", ["image", "K1", "C1"], "c1", Ints("pads", 1, 1, 1, 1), Ints("kernel_shape", 3, 3))
        .Node("BatchNormalization", ["c1", "gamma", "beta", "mean", "variance"], "bn1", Float("epsilon", 1e-5f))
        .Node("Relu", ["bn1"], "r1")
        .Node("MaxPool", ["r1"], "p1", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2))
        .Node("Conv", ["p1", "K2"], "c2", Ints("pads", 1, 1, 1, 1), Ints("strides", 2, 2))
        .Node("AveragePool", ["c2"], "p2", Ints("kernel_shape", 2, 2), Ints("pads", 0, 0, 1, 1))
        .Node("Flatten", ["p2"], "f")
        .Node("Add", ["f", "f"], "f2")
        .Node("MatMul", ["f2", "W3"], "z3")
        .Node("Add", ["z3", "B3"], "h3")
        .Node("Sigmoid", ["h3"], "s3")
        .Node("Reshape", ["s3", "flat"], "s3r")
        .Node("Gemm", ["s3r", "W4"], "h4", Float("alpha", 1.5f))
        .Node("Tanh", ["h4"], "t4")
        .Node("Gemm", ["t4", "W5", "B5"], "logits")
        .Node("Softmax", ["logits"], "probabilities")
        .Build("probabilities", [1, 3]);

    /// <summary>
    /// Issue 16's ~10k-parameter MLP: 64 → 128 → 16 → 10 with ReLU, Softmax output;
    /// 8,192 + 128 + 2,048 + 16 + 160 + 10 = 10,554 parameters.
    /// </summary>
    public static byte[] Mlp10k() => new OnnxGraphBuilder("x", [1, 64], 11, symbolicBatch: true)
        .Random("W1", [128, 64], 0.2).Random("B1", [128], 0.1).Random("W2", [16, 128], 0.2).Random("B2", [16], 0.1).Random("W3", [16, 10], 0.3).Random("B3", [10], 0.1)
        .Node("Gemm", ["x", "W1", "B1"], "h1", Int("transB", 1)).Node("Relu", ["h1"], "a1")
        .Node("Gemm", ["a1", "W2", "B2"], "h2", Int("transB", 1)).Node("Relu", ["h2"], "a2")
        .Node("MatMul", ["a2", "W3"], "z3").Node("Add", ["z3", "B3"], "logits")
        .Node("Softmax", ["logits"], "probabilities", Int("axis", 1))
        .Build("probabilities", [1, 10], symbolicBatch: true);

    /// <summary>Deterministic inputs in [−1, 1).</summary>
    public static double[][] Inputs(int count, int size, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, size).Select(_ => (random.NextDouble() * 2) - 1).ToArray())];
    }
}
