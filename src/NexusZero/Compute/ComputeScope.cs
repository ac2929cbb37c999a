namespace NexusZero.Compute;

/// <summary>
/// Puts <see cref="ComputeOptions"/> in force for the code that runs on this logical call path (the flow of an
/// <see cref="AsyncLocal{T}"/>, which tasks and parallel loops started inside inherit) until disposed. The proof
/// pipeline opens one around every prove from <see cref="Pipeline.ProtocolConfig.Compute"/>; callers of a prover
/// used directly (Groth16Prover, SnarkjsZkeyProver) open their own. Outside any scope everything runs on the CPU.
/// </summary>
public sealed class ComputeScope : IDisposable
{
    private static readonly AsyncLocal<ComputeRouter?> Ambient = new();

    private readonly ComputeRouter? _previous;
    private bool _disposed;

    private ComputeScope(ComputeRouter router)
    {
        _previous = Ambient.Value;
        Router = router;
        Ambient.Value = router;
    }

    internal static ComputeRouter? CurrentRouter => Ambient.Value;

    internal ComputeRouter Router { get; }

    /// <summary>What ran where inside this scope so far.</summary>
    public ComputeReport Report => Router.Report;

    /// <summary>The accelerator's name when it ran anything in this scope, else "cpu".</summary>
    public string BackendName => Router.BackendName;

    /// <summary>Opens a scope with <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="NexusZeroException">The options are invalid (<see cref="NexusZeroErrorKind.ConfigurationError"/>).</exception>
    public static ComputeScope Begin(ComputeOptions options) => new(new ComputeRouter(options));

    /// <summary>Opens a scope around an existing router (the pipeline keeps the router to read its report afterwards).</summary>
    internal static ComputeScope Enter(ComputeRouter router) => new(router);

    /// <summary>Restores the scope that was in force before this one.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Ambient.Value = _previous;
        }
    }
}
