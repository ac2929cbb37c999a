using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>
/// A 2-D sliding window (convolution or pooling): strides, explicit or SAME/VALID padding, dilations. Output
/// sizes are ⌊(H + padTop + padBottom − ((k − 1)·d + 1)) / s⌋ + 1, as ONNX defines them without ceil_mode.
/// Padded positions are skipped, which is zero padding for a convolution and −∞ padding for max pooling.
/// </summary>
internal sealed record Window2D(int Height, int Width, int KernelHeight, int KernelWidth, int StrideY, int StrideX, int PadTop, int PadLeft, int DilationY, int DilationX, int OutHeight, int OutWidth)
{
    public static Window2D Read(NodeProto node, NodeAttributes attributes, int height, int width, int kh, int kw, OnnxImportLimits limits)
    {
        var what = NodeAttributes.Describe(node);
        var strides = attributes.Ints("strides", 2) ?? [1, 1];
        var dilations = attributes.Ints("dilations", 2) ?? [1, 1];
        if (strides.Length != 2 || dilations.Length != 2 || strides.Any(s => s < 1 || s > limits.MaxDimension) || dilations.Any(d => d < 1 || d > limits.MaxDimension))
        {
            throw new FormatException($"{what}: strides and dilations must be two positive values.");
        }

        var (spanH, spanW) = (((kh - 1) * dilations[0]) + 1, ((kw - 1) * dilations[1]) + 1);
        if (spanH > limits.MaxDimension || spanW > limits.MaxDimension)
        {
            throw new FormatException($"{what}: the dilated kernel spans more than {limits.MaxDimension} positions.");
        }

        var (effectiveH, effectiveW) = ((int)spanH, (int)spanW);
        long[] pads;
        var autoPad = attributes.String("auto_pad", "NOTSET");
        switch (autoPad)
        {
            case "NOTSET":
                pads = attributes.Ints("pads", 4) ?? [0, 0, 0, 0];
                break;
            case "VALID":
                pads = [0, 0, 0, 0];
                break;
            case "SAME_UPPER" or "SAME_LOWER":
                pads = SamePads(height, width, effectiveH, effectiveW, strides, autoPad == "SAME_UPPER");
                break;
            default:
                throw new FormatException($"{what}: auto_pad '{autoPad}' is not an ONNX value.");
        }

        if (pads.Length != 4 || pads.Any(p => p < 0 || p > limits.MaxDimension))
        {
            throw new FormatException($"{what}: pads must be four non-negative values [top, left, bottom, right].");
        }

        var outHeight = ((height + pads[0] + pads[2] - effectiveH) / strides[0]) + 1;
        var outWidth = ((width + pads[1] + pads[3] - effectiveW) / strides[1]) + 1;
        if (outHeight < 1 || outWidth < 1)
        {
            throw new FormatException($"{what}: the window is larger than the padded input.");
        }

        return new Window2D(height, width, kh, kw, (int)strides[0], (int)strides[1], (int)pads[0], (int)pads[1], (int)dilations[0], (int)dilations[1], (int)outHeight, (int)outWidth);
    }

    /// <summary>The input positions (y, x) and kernel positions (ky, kx) under output (oy, ox), padding skipped.</summary>
    public IEnumerable<(int Y, int X, int Ky, int Kx)> Taps(int oy, int ox)
    {
        for (var ky = 0; ky < KernelHeight; ky++)
        {
            var y = (oy * StrideY) - PadTop + (ky * DilationY);
            if (y < 0 || y >= Height)
            {
                continue;
            }

            for (var kx = 0; kx < KernelWidth; kx++)
            {
                var x = (ox * StrideX) - PadLeft + (kx * DilationX);
                if (x >= 0 && x < Width)
                {
                    yield return (y, x, ky, kx);
                }
            }
        }
    }

    private static long[] SamePads(int height, int width, int effectiveH, int effectiveW, long[] strides, bool upper)
    {
        long Total(int size, int effective, long stride) => Math.Max(0, ((((size + stride - 1) / stride) - 1) * stride) + effective - size);
        var (th, tw) = (Total(height, effectiveH, strides[0]), Total(width, effectiveW, strides[1]));
        return upper ? [th / 2, tw / 2, th - (th / 2), tw - (tw / 2)] : [th - (th / 2), tw - (tw / 2), th / 2, tw / 2];
    }
}
