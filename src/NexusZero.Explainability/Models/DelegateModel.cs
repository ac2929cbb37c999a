namespace NexusZero.Explainability.Models;

/// <summary>Adapts a <see cref="BatchPredictor"/> delegate to <see cref="IBatchModel"/>.</summary>
public sealed class DelegateModel : IBatchModel
{
    private readonly BatchPredictor _predictor;

    /// <summary>Wraps <paramref name="predictor"/>, which must be thread-safe if explainers run in parallel.</summary>
    /// <param name="inputCount">Number of input columns.</param>
    /// <param name="outputCount">Number of outputs per row.</param>
    /// <param name="predictor">The batch prediction function.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="predictor"/> is null.</exception>
    public DelegateModel(int inputCount, int outputCount, BatchPredictor predictor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        ArgumentNullException.ThrowIfNull(predictor);
        InputCount = inputCount;
        OutputCount = outputCount;
        _predictor = predictor;
    }

    /// <inheritdoc />
    public int InputCount { get; }

    /// <inheritdoc />
    public int OutputCount { get; }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs) => _predictor(inputs, rowCount, outputs);
}
