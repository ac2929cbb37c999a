namespace NexusZero.Service.Caching;

/// <summary>
/// One computation in a coordinator's single-flight table and the requests waiting on it. The computation
/// runs under its own token, cancelled only when every waiter has gone, so no single caller's cancellation
/// takes the result away from the others.
/// </summary>
internal sealed class ReceiptCacheFlight : IDisposable
{
    private readonly TaskCompletionSource<CachedValue> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abandoned = new();

    /// <summary>Requests waiting on this flight; guarded by the coordinator's table lock.</summary>
    public int Waiters { get; set; }

    /// <summary>True once the computation finished and left the table; guarded by the coordinator's table lock.</summary>
    public bool IsFinished { get; set; }

    /// <summary>The token the computation runs under.</summary>
    public CancellationToken Token => _abandoned.Token;

    /// <summary>Completes with the leader's value and outcome, or faults with the computation's exception.</summary>
    public Task<CachedValue> Completion => _completion.Task;

    public void SetResult(CachedValue value) => _completion.TrySetResult(value);

    public void SetException(Exception exception) => _completion.TrySetException(exception);

    public void SetCanceled(CancellationToken token) => _completion.TrySetCanceled(token);

    /// <summary>Cancels the computation: the last waiter left before it finished. Called under the table lock
    /// while <see cref="IsFinished"/> is false, which is also what keeps it ahead of <see cref="Dispose"/>.</summary>
    public void Abandon() => _abandoned.Cancel();

    public void Dispose() => _abandoned.Dispose();
}
