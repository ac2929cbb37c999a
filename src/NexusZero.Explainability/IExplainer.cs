namespace NexusZero.Explainability;

/// <summary>An explainer that attributes a model's outputs to its features for a batch of instances.</summary>
public interface IExplainer
{
    /// <summary>Explains each instance (one array of model inputs per row).</summary>
    /// <param name="instances">The rows to explain.</param>
    /// <returns>One attribution per row, feature and output.</returns>
    Explanation Explain(IReadOnlyList<double[]> instances);
}
