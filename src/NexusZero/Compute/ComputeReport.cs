namespace NexusZero.Compute;

/// <summary>What the compute seam did during one proof: where the work ran and whether the accelerator failed.</summary>
/// <param name="AcceleratedOperations">Operations the accelerator completed.</param>
/// <param name="CpuOperations">Operations the CPU ran (by policy, by size, or after a fallback).</param>
/// <param name="Fallback">True when the accelerator failed at least once and the CPU redid that operation.</param>
/// <param name="FallbackReason">The first failure (operation and exception type), when <paramref name="Fallback"/> is true.</param>
public sealed record ComputeReport(int AcceleratedOperations, int CpuOperations, bool Fallback, string? FallbackReason);
