namespace NexusZero.Diagnostics;

/// <summary>
/// A named figure attached to one proof's metrics beyond the standard ones, e.g. a lattice proof's
/// estimated security or expected number of rejection-sampling repetitions.
/// </summary>
/// <param name="Name">A stable, lower-case, dotted name, e.g. "lattice.expected_repetitions".</param>
/// <param name="Value">The figure's value.</param>
/// <param name="Unit">The unit, e.g. "bits"; null when dimensionless.</param>
public sealed record MetricFigure(string Name, double Value, string? Unit = null);
