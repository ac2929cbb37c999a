namespace NexusZero.Proofs;

/// <summary>
/// The prover's secret for a statement. Witnesses zero their secrets when disposed; dispose them as
/// soon as proving is done.
/// </summary>
public abstract class Witness : IDisposable
{
    /// <summary>The statement kind this witness proves.</summary>
    public abstract StatementKind Kind { get; }

    /// <summary>True once the secrets have been zeroed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Zeroes the secrets.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        ZeroSecrets();
        IsDisposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>Overwrites every secret this witness holds.</summary>
    protected abstract void ZeroSecrets();

    /// <summary>Throws if the witness has been disposed.</summary>
    /// <exception cref="ObjectDisposedException">The witness was disposed.</exception>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
