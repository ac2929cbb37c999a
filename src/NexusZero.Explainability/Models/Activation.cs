namespace NexusZero.Explainability.Models;

/// <summary>The activation a <see cref="DenseLayer"/> applies to its outputs.</summary>
public enum Activation
{
    /// <summary>No activation (linear output).</summary>
    Identity = 0,

    /// <summary>max(0, z).</summary>
    Relu = 1,

    /// <summary>tanh(z).</summary>
    Tanh = 2,

    /// <summary>1 / (1 + e^(−z)).</summary>
    Sigmoid = 3,

    /// <summary>e^(z_i) / Σ_j e^(z_j) over the layer's outputs.</summary>
    Softmax = 4,
}
