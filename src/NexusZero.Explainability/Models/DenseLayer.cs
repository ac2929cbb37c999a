namespace NexusZero.Explainability.Models;

/// <summary>A fully connected layer: y = activation(W·x + b), W with one row per output unit.</summary>
public sealed class DenseLayer
{
    /// <summary>Creates a layer.</summary>
    /// <param name="weights">Weights, outputs × inputs (row o holds the weights of output unit o).</param>
    /// <param name="bias">One bias per output unit.</param>
    /// <param name="activation">The activation applied to the outputs.</param>
    /// <exception cref="ArgumentException">Shapes disagree, a dimension is zero or a value is not finite.</exception>
    public DenseLayer(double[,] weights, IReadOnlyList<double> bias, Activation activation)
        : this(ToRowMajor(weights), weights.GetLength(0), weights.GetLength(1), bias, activation)
    {
    }

    /// <summary>Creates a layer that takes ownership of <paramref name="rowMajor"/> (outputs × inputs), so a loader fills one array only.</summary>
    internal DenseLayer(double[] rowMajor, int outputs, int inputs, IReadOnlyList<double> bias, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        ArgumentNullException.ThrowIfNull(bias);
        if (outputs == 0 || inputs == 0)
        {
            throw new ArgumentException("A dense layer needs at least one input and one output unit.", "weights");
        }

        if (rowMajor.Length != (long)outputs * inputs)
        {
            throw new ArgumentException($"Expected {outputs} × {inputs} weights but got {rowMajor.Length}.", "weights");
        }

        if (bias.Count != outputs)
        {
            throw new ArgumentException($"The bias has {bias.Count} values but the weights have {outputs} output rows.", nameof(bias));
        }

        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentException($"Unknown activation {activation}.", nameof(activation));
        }

        InputCount = inputs;
        OutputCount = outputs;
        Activation = activation;
        RowMajor = rowMajor;
        Transposed = new double[outputs * inputs];
        Bias = new double[outputs];
        for (int o = 0; o < outputs; o++)
        {
            Bias[o] = RequireFinite(bias[o], nameof(bias));
            for (int i = 0; i < inputs; i++)
            {
                double w = RequireFinite(rowMajor[(o * inputs) + i], "weights");
                Transposed[(i * outputs) + o] = w;
            }
        }
    }

    /// <summary>Number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>Number of output units.</summary>
    public int OutputCount { get; }

    /// <summary>The activation.</summary>
    public Activation Activation { get; }

    /// <summary>Weights laid out outputs × inputs, for dot products per output unit.</summary>
    internal double[] RowMajor { get; }

    /// <summary>Weights laid out inputs × outputs, for axpy updates over the output units.</summary>
    internal double[] Transposed { get; }

    internal double[] Bias { get; }

    /// <summary>The weight from input <paramref name="input"/> to output unit <paramref name="output"/>.</summary>
    /// <param name="output">Output unit index.</param>
    /// <param name="input">Input index.</param>
    /// <returns>The weight.</returns>
    public double GetWeight(int output, int input)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)output, (uint)OutputCount, nameof(output));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)input, (uint)InputCount, nameof(input));
        return RowMajor[(output * InputCount) + input];
    }

    /// <summary>The bias of output unit <paramref name="output"/>.</summary>
    /// <param name="output">Output unit index.</param>
    /// <returns>The bias.</returns>
    public double GetBias(int output)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)output, (uint)OutputCount, nameof(output));
        return Bias[output];
    }

    private static double[] ToRowMajor(double[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int outputs = weights.GetLength(0);
        int inputs = weights.GetLength(1);
        var rowMajor = new double[outputs * inputs];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                rowMajor[(o * inputs) + i] = weights[o, i];
            }
        }

        return rowMajor;
    }

    private static double RequireFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentException("Layer weights and biases must be finite numbers.", name);
}
