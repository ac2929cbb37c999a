using System.Buffers;

namespace NexusZero.Explainability.Models;

/// <summary>
/// A dense feed-forward model (linear, logistic or MLP) evaluated with vectorized loops over contiguous arrays.
/// The file format is <see cref="DenseModelJson"/>; docs/formats.md describes it.
/// </summary>
public sealed class DenseModel : IBatchModel
{
    /// <summary>Rows evaluated together so the hidden activations of a tile stay in cache.</summary>
    private const int TileRows = 128;

    private readonly DenseLayer[] _layers;
    private readonly int _widest;

    /// <summary>Creates a model from its layers, checking that consecutive layers fit together.</summary>
    /// <param name="layers">The layers, input side first.</param>
    /// <param name="inputNames">Optional names of the inputs (one per input).</param>
    /// <param name="outputNames">Optional names of the outputs (one per output).</param>
    /// <exception cref="ArgumentException">No layers, mismatched shapes, softmax before the last layer, or names of the wrong length.</exception>
    public DenseModel(IReadOnlyList<DenseLayer> layers, IReadOnlyList<string>? inputNames = null, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A dense model needs at least one layer.", nameof(layers));
        }

        _layers = [.. layers];
        for (int l = 0; l < _layers.Length; l++)
        {
            ArgumentNullException.ThrowIfNull(_layers[l], nameof(layers));
            if (l > 0 && _layers[l].InputCount != _layers[l - 1].OutputCount)
            {
                throw new ArgumentException($"Layer {l} expects {_layers[l].InputCount} inputs but layer {l - 1} has {_layers[l - 1].OutputCount} outputs.", nameof(layers));
            }

            if (_layers[l].Activation == Activation.Softmax && l != _layers.Length - 1)
            {
                throw new ArgumentException("Softmax is only allowed on the last layer.", nameof(layers));
            }

            _widest = Math.Max(_widest, _layers[l].OutputCount);
        }

        _widest = Math.Max(_widest, _layers[0].InputCount);
        foreach (var layer in _layers)
        {
            WeightCount += (long)layer.InputCount * layer.OutputCount;
        }

        InputNames = CheckNames(inputNames, InputCount, nameof(inputNames));
        OutputNames = CheckNames(outputNames, OutputCount, nameof(outputNames));
    }

    /// <inheritdoc />
    public int InputCount => _layers[0].InputCount;

    /// <inheritdoc />
    public int OutputCount => _layers[^1].OutputCount;

    /// <summary>Number of weights over all layers (Σ inputs × outputs): the multiply-adds of one row's evaluation.</summary>
    public long WeightCount { get; }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>Names of the inputs, or null when the model does not name them.</summary>
    public IReadOnlyList<string>? InputNames { get; }

    /// <summary>Names of the outputs, or null when the model does not name them.</summary>
    public IReadOnlyList<string>? OutputNames { get; }

    /// <summary>True when the model is one layer without activation, so its output is w·x + b.</summary>
    public bool IsLinear => _layers.Length == 1 && _layers[0].Activation == Activation.Identity;

    /// <summary>A linear regression model y = w·x + b.</summary>
    /// <param name="weights">One coefficient per input.</param>
    /// <param name="intercept">The intercept.</param>
    /// <param name="inputNames">Optional input names.</param>
    /// <returns>The model.</returns>
    public static DenseModel Linear(IReadOnlyList<double> weights, double intercept, IReadOnlyList<string>? inputNames = null) =>
        SingleLayer(weights, intercept, Activation.Identity, inputNames);

    /// <summary>A logistic regression model p = σ(w·x + b).</summary>
    /// <param name="weights">One coefficient per input.</param>
    /// <param name="intercept">The intercept.</param>
    /// <param name="inputNames">Optional input names.</param>
    /// <returns>The model.</returns>
    public static DenseModel Logistic(IReadOnlyList<double> weights, double intercept, IReadOnlyList<string>? inputNames = null) =>
        SingleLayer(weights, intercept, Activation.Sigmoid, inputNames);

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (inputs.Length < (long)rowCount * InputCount || outputs.Length < (long)rowCount * OutputCount)
        {
            throw new ArgumentException($"Buffers too small for {rowCount} rows of {InputCount} inputs and {OutputCount} outputs.", nameof(inputs));
        }

        int tileSize = TileRows * _widest;
        double[] a = ArrayPool<double>.Shared.Rent(tileSize);
        double[] b = ArrayPool<double>.Shared.Rent(tileSize);
        try
        {
            for (int start = 0; start < rowCount; start += TileRows)
            {
                int rows = Math.Min(TileRows, rowCount - start);
                ReadOnlySpan<double> current = inputs.Slice(start * InputCount, rows * InputCount);
                for (int l = 0; l < _layers.Length; l++)
                {
                    var layer = _layers[l];
                    Span<double> destination = l == _layers.Length - 1
                        ? outputs.Slice(start * OutputCount, rows * OutputCount)
                        : (l % 2 == 0 ? a : b).AsSpan(0, rows * layer.OutputCount);
                    DenseKernels.Forward(layer, current, rows, destination);
                    current = destination;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(a);
            ArrayPool<double>.Shared.Return(b);
        }
    }

    private static DenseModel SingleLayer(IReadOnlyList<double> weights, double intercept, Activation activation, IReadOnlyList<string>? inputNames)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = new double[1, weights.Count];
        for (int i = 0; i < weights.Count; i++)
        {
            w[0, i] = weights[i];
        }

        return new DenseModel([new DenseLayer(w, [intercept], activation)], inputNames);
    }

    private static string[]? CheckNames(IReadOnlyList<string>? names, int expected, string parameter)
    {
        if (names is null)
        {
            return null;
        }

        if (names.Count != expected)
        {
            throw new ArgumentException($"Expected {expected} names but got {names.Count}.", parameter);
        }

        return [.. names];
    }
}
