using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NexusZero.Explainability.Models;

/// <summary>
/// The inner loops of <see cref="DenseModel"/>. Wide layers update four vectors of output units at once per input
/// (axpy form, weights transposed); narrow layers take a vectorized dot product per output unit.
/// </summary>
internal static class DenseKernels
{
    public static void Forward(DenseLayer layer, ReadOnlySpan<double> input, int rows, Span<double> output)
    {
        Linear(layer, input, rows, output);
        Activate(layer.Activation, output[..(rows * layer.OutputCount)], layer.OutputCount);
    }

    /// <summary>W·x + b for every row, without the activation.</summary>
    private static void Linear(DenseLayer layer, ReadOnlySpan<double> input, int rows, Span<double> output)
    {
        int n = layer.InputCount;
        int m = layer.OutputCount;
        if (m >= Vector<double>.Count)
        {
            for (int r = 0; r < rows; r++)
            {
                Axpy(layer.Transposed, layer.Bias, input.Slice(r * n, n), output.Slice(r * m, m));
            }
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                var x = input.Slice(r * n, n);
                for (int o = 0; o < m; o++)
                {
                    output[(r * m) + o] = layer.Bias[o] + Dot(layer.RowMajor.AsSpan(o * n, n), x);
                }
            }
        }
    }

    private static void Axpy(double[] transposed, double[] bias, ReadOnlySpan<double> x, Span<double> y)
    {
        int m = y.Length;
        int vc = Vector<double>.Count;
        ref double w = ref MemoryMarshal.GetArrayDataReference(transposed);
        ref double yRef = ref MemoryMarshal.GetReference(y);
        ref double bRef = ref MemoryMarshal.GetArrayDataReference(bias);
        int o = 0;
        for (; o + (4 * vc) <= m; o += 4 * vc)
        {
            var a0 = Vector.LoadUnsafe(ref bRef, (nuint)o);
            var a1 = Vector.LoadUnsafe(ref bRef, (nuint)(o + vc));
            var a2 = Vector.LoadUnsafe(ref bRef, (nuint)(o + (2 * vc)));
            var a3 = Vector.LoadUnsafe(ref bRef, (nuint)(o + (3 * vc)));
            for (int j = 0; j < x.Length; j++)
            {
                var s = new Vector<double>(x[j]);
                nuint row = (nuint)((j * m) + o);
                a0 += s * Vector.LoadUnsafe(ref w, row);
                a1 += s * Vector.LoadUnsafe(ref w, row + (nuint)vc);
                a2 += s * Vector.LoadUnsafe(ref w, row + (nuint)(2 * vc));
                a3 += s * Vector.LoadUnsafe(ref w, row + (nuint)(3 * vc));
            }

            a0.StoreUnsafe(ref yRef, (nuint)o);
            a1.StoreUnsafe(ref yRef, (nuint)(o + vc));
            a2.StoreUnsafe(ref yRef, (nuint)(o + (2 * vc)));
            a3.StoreUnsafe(ref yRef, (nuint)(o + (3 * vc)));
        }

        for (; o + vc <= m; o += vc)
        {
            var a0 = Vector.LoadUnsafe(ref bRef, (nuint)o);
            for (int j = 0; j < x.Length; j++)
            {
                a0 += new Vector<double>(x[j]) * Vector.LoadUnsafe(ref w, (nuint)((j * m) + o));
            }

            a0.StoreUnsafe(ref yRef, (nuint)o);
        }

        for (; o < m; o++)
        {
            double acc = bias[o];
            for (int j = 0; j < x.Length; j++)
            {
                acc += x[j] * Unsafe.Add(ref w, (j * m) + o);
            }

            y[o] = acc;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int vc = Vector<double>.Count;
        ref double aRef = ref MemoryMarshal.GetReference(a);
        ref double bRef = ref MemoryMarshal.GetReference(b);
        var acc = Vector<double>.Zero;
        int i = 0;
        for (; i + vc <= a.Length; i += vc)
        {
            acc += Vector.LoadUnsafe(ref aRef, (nuint)i) * Vector.LoadUnsafe(ref bRef, (nuint)i);
        }

        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Activate(Activation activation, Span<double> values, int width)
    {
        switch (activation)
        {
            case Activation.Identity:
                break;
            case Activation.Relu:
                {
                    int vc = Vector<double>.Count;
                    ref double r = ref MemoryMarshal.GetReference(values);
                    int i = 0;
                    for (; i + vc <= values.Length; i += vc)
                    {
                        Vector.Max(Vector.LoadUnsafe(ref r, (nuint)i), Vector<double>.Zero).StoreUnsafe(ref r, (nuint)i);
                    }

                    for (; i < values.Length; i++)
                    {
                        values[i] = Math.Max(values[i], 0.0);
                    }

                    break;
                }

            case Activation.Tanh:
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Math.Tanh(values[i]);
                }

                break;
            case Activation.Sigmoid:
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Sigmoid(values[i]);
                }

                break;
            case Activation.Softmax:
                for (int start = 0; start < values.Length; start += width)
                {
                    Softmax(values.Slice(start, width));
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown activation {activation}.");
        }
    }

    /// <summary>The logistic function in the form that never overflows e^x.</summary>
    internal static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    private static void Softmax(Span<double> row)
    {
        double max = double.NegativeInfinity;
        foreach (double v in row)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = Math.Exp(row[i] - max);
            sum += row[i];
        }

        for (int i = 0; i < row.Length; i++)
        {
            row[i] /= sum;
        }
    }
}
