namespace NexusZero.Compute;

/// <summary>How <see cref="ComputeOptions"/> picks between the CPU and the configured accelerator.</summary>
public enum ComputeMode
{
    /// <summary>Everything on the CPU (the default).</summary>
    Cpu,

    /// <summary>Every operation the policy allows on the accelerator, whatever its size (tests, benchmarks, forced offload).</summary>
    Accelerator,

    /// <summary>
    /// The accelerator only when it is a real device (<see cref="ComputeBackend.IsDeviceAccelerated"/>) and the input
    /// reaches the configured threshold, so that the work pays for the transfer; the CPU otherwise.
    /// </summary>
    Automatic,
}
