using NexusZero.Inference.Graph;
using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>Gemm, MatMul, Add, the elementwise activations, Flatten, Reshape and BatchNormalization.</summary>
internal sealed partial class GraphAssembly
{
    private void Gemm(NodeProto node)
    {
        RequireArity(node, 2, 3);
        var attributes = new NodeAttributes(node, "alpha", "beta", "transA", "transB");
        var (input, shape) = Activation(node, 0);
        var weights = Constant(node, 1);
        var transA = attributes.Int("transA", 0) != 0;
        var transB = attributes.Int("transB", 0) != 0;
        var alpha = attributes.Float("alpha", 1.0);
        var beta = attributes.Float("beta", 1.0);
        if (shape.Length != 2 || shape[transA ? 1 : 0] != 1)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: input A has shape [{string.Join(", ", shape)}]; a batch of one row ([1, K]) is supported.");
        }

        var k = shape[transA ? 0 : 1];
        if (weights.Shape.Length != 2 || weights.Shape[transB ? 1 : 0] != k)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: B has shape [{string.Join(", ", weights.Shape)}], which does not match K = {k}{(transB ? " (transB)" : string.Empty)}.");
        }

        var n = weights.Shape[transB ? 0 : 1];
        var bias = new double[n];
        if (node.Input.Count == 3 && node.Input[2].Length > 0)
        {
            var c = Constant(node, 2);
            var (outShape, _, cIndex) = Broadcasting.Resolve([1, n], c.Shape, NodeAttributes.Describe(node));
            if (Size(outShape) != n)
            {
                throw new FormatException($"{NodeAttributes.Describe(node)}: C of shape [{string.Join(", ", c.Shape)}] does not broadcast to [1, {n}].");
            }

            for (var j = 0; j < n; j++)
            {
                bias[j] = beta * c.Floats![cIndex[j]];
            }
        }

        var b = weights.Floats!;
        AddDense(node, input, [1, n], k, n, (row, column) => alpha * (transB ? b[(row * k) + column] : b[(column * n) + row]), bias);
    }

    private void MatMul(NodeProto node)
    {
        RequireArity(node, 2, 2);
        _ = new NodeAttributes(node);
        var (input, shape) = Activation(node, 0);
        var weights = Constant(node, 1);
        if (weights.Shape.Length != 2)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: B has {weights.Shape.Length} dimensions; a constant matrix [K, N] is supported.");
        }

        var (k, n) = (weights.Shape[0], weights.Shape[1]);
        if (shape.Length == 0 || shape[^1] != k || Size(shape) != k)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: A has shape [{string.Join(", ", shape)}]; one row of K = {k} (leading dimensions 1) is supported.");
        }

        int[] outShape = [.. shape[..^1], n];
        var b = weights.Floats!;
        AddDense(node, input, outShape, k, n, (row, column) => b[(column * n) + row], new double[n]);
    }

    private void AddDense(NodeProto node, int input, int[] outShape, int k, int n, Func<int, int, double> weight, double[] bias)
    {
        ReserveTerms(node, (long)k * n);
        var rowStart = new int[n + 1];
        var columns = new int[k * n];
        var weights = new double[k * n];
        for (var row = 0; row < n; row++)
        {
            rowStart[row] = row * k;
            for (var column = 0; column < k; column++)
            {
                columns[(row * k) + column] = column;
                weights[(row * k) + column] = weight(row, column);
            }
        }

        rowStart[n] = k * n;
        var output = Define(node, outShape);
        _layers.Add(new AffineLayer(node.Name, input, output, rowStart, columns, weights, bias));
    }

    private void Add(NodeProto node)
    {
        RequireArity(node, 2, 2);
        _ = new NodeAttributes(node);
        var description = NodeAttributes.Describe(node);
        var leftIsConstant = _constants.ContainsKey(node.Input[0]);
        var rightIsConstant = _constants.ContainsKey(node.Input[1]);
        if (leftIsConstant && rightIsConstant)
        {
            throw new NotSupportedException($"{description} adds two constants; fold it before export.");
        }

        if (leftIsConstant || rightIsConstant)
        {
            var (input, shape) = Activation(node, leftIsConstant ? 1 : 0);
            var constant = Constant(node, leftIsConstant ? 0 : 1);
            var (outShape, inputIndex, constantIndex) = Broadcasting.Resolve(shape, constant.Shape, description);
            if (Size(outShape) != Size(shape))
            {
                throw new NotSupportedException($"{description}: adding a constant of shape [{string.Join(", ", constant.Shape)}] would enlarge the activation; only biases that broadcast into it are supported.");
            }

            var rows = Size(outShape);
            ReserveTerms(node, rows);
            var bias = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                bias[i] = constant.Floats![constantIndex[i]];
            }

            var output = Define(node, outShape);
            _layers.Add(new AffineLayer(node.Name, input, output, [.. Enumerable.Range(0, rows + 1)], inputIndex, [.. Enumerable.Repeat(1.0, rows)], bias));
            return;
        }

        var left = Activation(node, 0);
        var right = Activation(node, 1);
        var (sumShape, leftIndex, rightIndex) = Broadcasting.Resolve(left.Shape, right.Shape, description);
        ReserveTerms(node, Size(sumShape));
        var sum = Define(node, sumShape);
        _layers.Add(new SumLayer(node.Name, left.Id, right.Id, sum, leftIndex, rightIndex));
    }

    private void Elementwise(NodeProto node, Func<string, int, int, ModelLayer> layer)
    {
        RequireArity(node, 1, 1);
        _ = new NodeAttributes(node);
        var (input, shape) = Activation(node, 0);
        ReserveTerms(node, Size(shape));
        var output = Define(node, shape);
        _layers.Add(layer(node.Name, input, output));
    }

    private void Flatten(NodeProto node)
    {
        RequireArity(node, 1, 1);
        var attributes = new NodeAttributes(node, "axis");
        var (input, shape) = Activation(node, 0);
        var axis = attributes.Int("axis", 1);
        if (axis < 0)
        {
            axis += shape.Length;
        }

        if (axis < 0 || axis > shape.Length)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: axis {attributes.Int("axis", 1)} is outside the input's {shape.Length} dimensions.");
        }

        Alias(node, input, [Size(shape[..(int)axis]), Size(shape[(int)axis..])]);
    }

    private void Reshape(NodeProto node)
    {
        RequireArity(node, 2, 2);
        var attributes = new NodeAttributes(node, "allowzero");
        var (input, shape) = Activation(node, 0);
        var target = Constant(node, 1, integers: true);
        var requested = target.Integers!;
        if (target.Shape.Length != 1 || requested.Length > _limits.MaxRank)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: the shape input must be a 1-D INT64 tensor of at most {_limits.MaxRank} values.");
        }

        var allowZero = attributes.Int("allowzero", 0) != 0;
        var result = new long[requested.Length];
        var inferred = -1;
        long known = 1;
        for (var i = 0; i < requested.Length; i++)
        {
            result[i] = requested[i] == 0 && !allowZero && i < shape.Length ? shape[i] : requested[i];
            if (result[i] == -1 && inferred < 0)
            {
                inferred = i;
            }
            else if (result[i] < 1 || result[i] > _limits.MaxDimension)
            {
                throw new FormatException($"{NodeAttributes.Describe(node)}: target dimension {i} = {requested[i]} is not supported.");
            }
            else
            {
                known *= result[i];
            }
        }

        var size = Size(shape);
        if (inferred >= 0)
        {
            result[inferred] = size / known;
        }

        if (result.Aggregate(1L, (product, d) => product * d) != size)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: cannot reshape [{string.Join(", ", shape)}] to [{string.Join(", ", requested)}].");
        }

        Alias(node, input, [.. result.Select(d => (int)d)]);
    }

    private void BatchNormalization(NodeProto node)
    {
        RequireArity(node, 5, 5);
        var attributes = new NodeAttributes(node, "epsilon", "momentum", "training_mode", "spatial");
        attributes.RequireInt("training_mode", 0, "inference mode only");
        attributes.RequireInt("spatial", 1, "per-channel statistics only");
        var (input, shape) = Activation(node, 0);
        var epsilon = attributes.Float("epsilon", 1e-5);
        if (shape.Length < 2)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: the input needs a channel dimension (shape [N, C, …]).");
        }

        var channels = shape[1];
        var parameters = new double[4][];
        for (var p = 0; p < 4; p++)
        {
            var tensor = Constant(node, p + 1);
            if (tensor.Size != channels)
            {
                throw new FormatException($"{NodeAttributes.Describe(node)}: input {p + 1} ('{tensor.Name}') has {tensor.Size} values for {channels} channels.");
            }

            parameters[p] = tensor.Floats!;
        }

        var (gamma, beta, mean, variance) = (parameters[0], parameters[1], parameters[2], parameters[3]);
        var size = Size(shape);
        var inner = size / (shape[0] * channels);
        ReserveTerms(node, size);
        var weights = new double[size];
        var bias = new double[size];
        for (var i = 0; i < size; i++)
        {
            var c = i / inner % channels;
            var factor = gamma[c] / Math.Sqrt(variance[c] + epsilon);
            weights[i] = factor;
            bias[i] = beta[c] - (mean[c] * factor);
        }

        var output = Define(node, shape);
        _layers.Add(new AffineLayer(node.Name, input, output, [.. Enumerable.Range(0, size + 1)], [.. Enumerable.Range(0, size)], weights, bias));
    }
}
