using NexusZero.Proofs;

namespace NexusZero.Diagnostics;

/// <summary>
/// Implemented by a proof system that has figures of its own to add to a proof's metrics (estimated
/// security, expected repetitions...). The pipeline asks for them after proving.
/// </summary>
public interface IProofFigureReporter
{
    /// <summary>The figures for a proof of <paramref name="statement"/> under <paramref name="parameters"/>.</summary>
    IReadOnlyList<MetricFigure> ReportFigures(Statement statement, ParameterSet parameters);
}
