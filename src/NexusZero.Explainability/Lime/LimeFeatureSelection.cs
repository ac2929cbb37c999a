namespace NexusZero.Explainability.Lime;

/// <summary>How LIME picks the features its surrogate uses.</summary>
public enum LimeFeatureSelection
{
    /// <summary>Use every feature.</summary>
    None = 0,

    /// <summary>Greedy forward selection maximizing the weighted R² of an unpenalized fit.</summary>
    Forward = 1,

    /// <summary>The features with the largest absolute coefficients of a lightly penalized fit (α = 0.01) on all features.</summary>
    HighestWeights = 2,

    /// <summary>Forward when at most 6 features are wanted, otherwise highest weights (lime's rule).</summary>
    Auto = 3,
}
