namespace NexusZero.Optimization.Onnx;

/// <summary>What <see cref="OnnxCostModelOptimizer"/> minimises among the candidates that meet the security floor.</summary>
public enum CostObjective
{
    /// <summary>Predicted proving time (the default: the prover is the party that pays for rejection sampling).</summary>
    ProvingTime,

    /// <summary>Predicted verification time.</summary>
    VerificationTime,

    /// <summary>Predicted proof size in bytes.</summary>
    ProofSize,

    /// <summary>Predicted proving time plus verification time.</summary>
    TotalTime,
}
