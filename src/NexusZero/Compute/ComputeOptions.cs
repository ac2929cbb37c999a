namespace NexusZero.Compute;

/// <summary>
/// Which backend runs multi-scalar multiplications and NTTs, and under what policy. The default runs everything
/// on the CPU. With an accelerator configured, <see cref="ComputeMode.Automatic"/> sends an operation to it only
/// when it is a real device and the input reaches the threshold; an operation on secret-derived data goes there
/// only when <see cref="AllowSecretScalars"/> is set (a GPU kernel is not constant-time: docs/security.md,
/// "GPU acceleration"). An accelerator that fails falls back to the CPU, and the proof's metrics record it.
/// </summary>
public sealed record ComputeOptions
{
    /// <summary>
    /// The provisional size from which <see cref="ComputeMode.Automatic"/> offloads: 2^16 points or field elements.
    /// It is not yet measured on a GPU; benchmarks/scripts/gpu-device-check.sh prints the measured crossover to set here.
    /// </summary>
    public const int ProvisionalThreshold = 1 << 16;

    /// <summary>Everything on the CPU.</summary>
    public static ComputeOptions Cpu { get; } = new();

    /// <summary>How the backend is chosen per operation.</summary>
    public ComputeMode Mode { get; init; } = ComputeMode.Cpu;

    /// <summary>The accelerator to use outside <see cref="ComputeMode.Cpu"/>; null keeps everything on the CPU.</summary>
    public ComputeBackend? Accelerator { get; init; }

    /// <summary>
    /// Lets the accelerator run operations whose inputs derive from a secret: the prover's MSMs over witness
    /// scalars and NTTs over witness polynomials. Off by default: such kernels are variable-time in the scalars,
    /// and their timing is observable to anyone sharing the device (docs/security.md, "GPU acceleration").
    /// </summary>
    public bool AllowSecretScalars { get; init; }

    /// <summary>In <see cref="ComputeMode.Automatic"/>, the fewest points an MSM needs to go to the accelerator.</summary>
    public int MsmThreshold { get; init; } = ProvisionalThreshold;

    /// <summary>In <see cref="ComputeMode.Automatic"/>, the fewest field elements (all vectors of a batch together) an NTT needs to go to the accelerator.</summary>
    public int NttThreshold { get; init; } = ProvisionalThreshold;

    /// <summary>Options that use <paramref name="accelerator"/> when it is a device and the input is large enough.</summary>
    /// <param name="accelerator">The accelerator; null gives <see cref="Cpu"/>'s behaviour.</param>
    public static ComputeOptions Automatic(ComputeBackend? accelerator) => new() { Mode = ComputeMode.Automatic, Accelerator = accelerator };

    /// <summary>Checks the settings.</summary>
    /// <exception cref="NexusZeroException">A setting is out of range (<see cref="NexusZeroErrorKind.ConfigurationError"/>); the message names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw Invalid($"Compute.Mode {(int)Mode} is not a known mode.");
        }

        if (MsmThreshold < 1)
        {
            throw Invalid($"Compute.MsmThreshold must be at least 1, not {MsmThreshold}.");
        }

        if (NttThreshold < 1)
        {
            throw Invalid($"Compute.NttThreshold must be at least 1, not {NttThreshold}.");
        }

        if (Mode == ComputeMode.Accelerator && Accelerator is null)
        {
            throw Invalid("Compute.Mode is Accelerator but no Compute.Accelerator is set.");
        }
    }

    private static NexusZeroException Invalid(string message) => new(NexusZeroErrorKind.ConfigurationError, message);
}
