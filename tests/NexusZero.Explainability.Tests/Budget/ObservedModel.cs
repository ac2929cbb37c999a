using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Budget;

/// <summary>Wraps a model, counts the rows it evaluates and runs a hook after every call (to cancel or to stall).</summary>
internal sealed class ObservedModel(IBatchModel inner, Action<ObservedModel>? afterCall = null) : IBatchModel
{
    private long _rows;
    private int _calls;

    public IBatchModel Inner => inner;

    public int InputCount => inner.InputCount;

    public int OutputCount => inner.OutputCount;

    public long Rows => Interlocked.Read(ref _rows);

    public int Calls => Volatile.Read(ref _calls);

    public void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs)
    {
        inner.Predict(inputs, rowCount, outputs);
        Interlocked.Add(ref _rows, rowCount);
        Interlocked.Increment(ref _calls);
        afterCall?.Invoke(this);
    }
}
