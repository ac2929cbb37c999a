using NexusZero.Inference.Graph;
using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>Conv (2-D), MaxPool and AveragePool, lowered to sparse affine or max layers over explicit windows.</summary>
internal sealed partial class GraphAssembly
{
    private void Conv(NodeProto node)
    {
        RequireArity(node, 2, 3);
        var attributes = new NodeAttributes(node, "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
        attributes.RequireInt("group", 1, "grouped convolutions are not supported");
        var (input, shape) = Activation(node, 0);
        var kernel = Constant(node, 1);
        var (channels, height, width) = ImageShape(node, shape);
        if (kernel.Shape.Length != 4 || kernel.Shape[1] != channels)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: W has shape [{string.Join(", ", kernel.Shape)}]; [M, {channels}, kH, kW] is expected.");
        }

        var (filters, kh, kw) = (kernel.Shape[0], kernel.Shape[2], kernel.Shape[3]);
        var declared = attributes.Ints("kernel_shape", 2);
        if (declared is not null && (declared.Length != 2 || declared[0] != kh || declared[1] != kw))
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: kernel_shape does not match W.");
        }

        var window = Window2D.Read(node, attributes, height, width, kh, kw, _limits);
        double[] bias = new double[filters];
        if (node.Input.Count == 3 && node.Input[2].Length > 0)
        {
            var b = Constant(node, 2);
            if (b.Size != filters)
            {
                throw new FormatException($"{NodeAttributes.Describe(node)}: B has {b.Size} values for {filters} filters.");
            }

            bias = b.Floats!;
        }

        var outputs = filters * window.OutHeight * window.OutWidth;
        ReserveTerms(node, (long)outputs * channels * kh * kw);
        var rowStart = new int[outputs + 1];
        var columns = new List<int>();
        var weights = new List<double>();
        var biases = new double[outputs];
        var w = kernel.Floats!;
        var row = 0;
        for (var m = 0; m < filters; m++)
        {
            for (var oy = 0; oy < window.OutHeight; oy++)
            {
                for (var ox = 0; ox < window.OutWidth; ox++)
                {
                    rowStart[row] = columns.Count;
                    biases[row] = bias[m];
                    for (var c = 0; c < channels; c++)
                    {
                        foreach (var (y, x, ky, kx) in window.Taps(oy, ox))
                        {
                            columns.Add((((c * height) + y) * width) + x);
                            weights.Add(w[(((((m * channels) + c) * kh) + ky) * kw) + kx]);
                        }
                    }

                    row++;
                }
            }
        }

        rowStart[outputs] = columns.Count;
        var output = Define(node, [1, filters, window.OutHeight, window.OutWidth]);
        _layers.Add(new AffineLayer(node.Name, input, output, rowStart, [.. columns], [.. weights], biases));
    }

    private void MaxPool(NodeProto node)
    {
        RequireArity(node, 1, 1);
        var attributes = new NodeAttributes(node, "auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides");
        attributes.RequireInt("storage_order", 0, "row-major only");
        var (input, shape, window, channels) = Pool(node, attributes);
        var rowStart = new List<int>();
        var columns = new List<int>();
        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < window.OutHeight; oy++)
            {
                for (var ox = 0; ox < window.OutWidth; ox++)
                {
                    rowStart.Add(columns.Count);
                    foreach (var (y, x, _, _) in window.Taps(oy, ox))
                    {
                        columns.Add((((c * shape[2]) + y) * shape[3]) + x);
                    }

                    if (columns.Count == rowStart[^1])
                    {
                        throw new FormatException($"{NodeAttributes.Describe(node)}: window ({oy}, {ox}) covers only padding.");
                    }
                }
            }
        }

        rowStart.Add(columns.Count);
        var output = Define(node, [1, channels, window.OutHeight, window.OutWidth]);
        _layers.Add(new MaxLayer(node.Name, input, output, [.. rowStart], [.. columns]));
    }

    private void AveragePool(NodeProto node)
    {
        RequireArity(node, 1, 1);
        var attributes = new NodeAttributes(node, "auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape", "pads", "strides");
        var includePad = attributes.Int("count_include_pad", 0) != 0;
        var (input, shape, window, channels) = Pool(node, attributes);
        var rowStart = new List<int>();
        var columns = new List<int>();
        var weights = new List<double>();
        for (var c = 0; c < channels; c++)
        {
            for (var oy = 0; oy < window.OutHeight; oy++)
            {
                for (var ox = 0; ox < window.OutWidth; ox++)
                {
                    rowStart.Add(columns.Count);
                    var taps = window.Taps(oy, ox).ToArray();
                    var divisor = includePad ? window.KernelHeight * window.KernelWidth : taps.Length;
                    foreach (var (y, x, _, _) in taps)
                    {
                        columns.Add((((c * shape[2]) + y) * shape[3]) + x);
                        weights.Add(1.0 / divisor);
                    }
                }
            }
        }

        rowStart.Add(columns.Count);
        var output = Define(node, [1, channels, window.OutHeight, window.OutWidth]);
        _layers.Add(new AffineLayer(node.Name, input, output, [.. rowStart], [.. columns], [.. weights], new double[rowStart.Count - 1]));
    }

    private (int Input, int[] Shape, Window2D Window, int Channels) Pool(NodeProto node, NodeAttributes attributes)
    {
        attributes.RequireInt("ceil_mode", 0, "floor output sizes only");
        var (input, shape) = Activation(node, 0);
        var (channels, height, width) = ImageShape(node, shape);
        var kernel = attributes.Ints("kernel_shape", 2) ?? throw new FormatException($"{NodeAttributes.Describe(node)} has no kernel_shape.");
        if (kernel.Length != 2 || kernel.Any(k => k < 1 || k > _limits.MaxDimension))
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: kernel_shape must be two positive sizes (2-D pooling).");
        }

        var window = Window2D.Read(node, attributes, height, width, (int)kernel[0], (int)kernel[1], _limits);
        ReserveTerms(node, (long)channels * window.OutHeight * window.OutWidth * kernel[0] * kernel[1]);
        return (input, shape, window, channels);
    }

    private static (int Channels, int Height, int Width) ImageShape(NodeProto node, int[] shape)
    {
        if (shape.Length != 4 || shape[0] != 1)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: input has shape [{string.Join(", ", shape)}]; one 2-D image [1, C, H, W] is supported.");
        }

        return (shape[1], shape[2], shape[3]);
    }
}
