using NexusZero.Inference.Graph;

namespace NexusZero.Inference.Quantization;

/// <summary>
/// The bounded-error approximations of Sigmoid and Tanh that circuits compute: linear interpolation between
/// knots where the function is exact, constant beyond the outermost knots. Sigmoid uses the knots −6, −5, …, 6;
/// Tanh −3, −2.5, …, 3. The interpolation error (measured by the tests on a fine grid, before quantization)
/// is below <see cref="SigmoidMaxError"/> and <see cref="TanhMaxError"/>; slopes are kept at 2^<see cref="ScaleBits"/>.
/// </summary>
public static class PiecewiseLinear
{
    /// <summary>The fixed-point scale of the slopes (finer than the weights': the error adds up over knots).</summary>
    public const int ScaleBits = 12;

    /// <summary>The largest |sigmoid(x) − approximation(x)| over all real x, before quantization.</summary>
    public const double SigmoidMaxError = 0.015;

    /// <summary>The largest |tanh(x) − approximation(x)| over all real x, before quantization.</summary>
    public const double TanhMaxError = 0.03;

    /// <summary>The knots of an activation.</summary>
    /// <param name="kind">The activation.</param>
    /// <returns>The knot positions, increasing.</returns>
    public static double[] Knots(ActivationKind kind) => kind == ActivationKind.Sigmoid
        ? [.. Enumerable.Range(-6, 13).Select(i => (double)i)]
        : [.. Enumerable.Range(-6, 13).Select(i => i / 2.0)];

    /// <summary>The exact function.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The argument.</param>
    /// <returns>sigmoid(x) or tanh(x).</returns>
    public static double Exact(ActivationKind kind, double x) => kind == ActivationKind.Sigmoid ? 1 / (1 + Math.Exp(-x)) : Math.Tanh(x);

    /// <summary>The approximation in real arithmetic.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The argument.</param>
    /// <returns>The interpolated value.</returns>
    public static double Approximate(ActivationKind kind, double x)
    {
        var knots = Knots(kind);
        if (x <= knots[0])
        {
            return Exact(kind, knots[0]);
        }

        for (var k = 1; k < knots.Length; k++)
        {
            if (x <= knots[k])
            {
                var t = (x - knots[k - 1]) / (knots[k] - knots[k - 1]);
                return Exact(kind, knots[k - 1]) + (t * (Exact(kind, knots[k]) - Exact(kind, knots[k - 1])));
            }
        }

        return Exact(kind, knots[^1]);
    }

    /// <summary>Slopes of the segments after each knot (the last is 0: constant beyond).</summary>
    internal static double[] Slopes(ActivationKind kind)
    {
        var knots = Knots(kind);
        var slopes = new double[knots.Length];
        for (var k = 0; k + 1 < knots.Length; k++)
        {
            slopes[k] = (Exact(kind, knots[k + 1]) - Exact(kind, knots[k])) / (knots[k + 1] - knots[k]);
        }

        return slopes;
    }
}
