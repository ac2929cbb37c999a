namespace NexusZero.Explainability;

/// <summary>An explainer that attributes a model's outputs to its features for a batch of instances.</summary>
public interface IExplainer
{
    /// <summary>Explains each instance (one array of model inputs per row).</summary>
    /// <param name="instances">The rows to explain.</param>
    /// <param name="cancellationToken">Stops the call between two chunks of model evaluations.</param>
    /// <returns>One attribution per row, feature and output.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="TimeoutException">The call ran past <see cref="ExplainerOptions.TimeLimit"/>.</exception>
    Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default);
}
