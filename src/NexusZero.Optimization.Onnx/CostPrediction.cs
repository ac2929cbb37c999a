namespace NexusZero.Optimization.Onnx;

/// <summary>What the cost model predicts for one candidate on this machine.</summary>
/// <param name="ProvingMicroseconds">Expected proving time, rejection-sampling repetitions included.</param>
/// <param name="VerificationMicroseconds">Expected verification time.</param>
/// <param name="ProofBytes">Expected proof size.</param>
public readonly record struct CostPrediction(double ProvingMicroseconds, double VerificationMicroseconds, double ProofBytes)
{
    /// <summary>The value of <paramref name="objective"/> for this prediction.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="objective"/> is not a defined value.</exception>
    public double Score(CostObjective objective) => objective switch
    {
        CostObjective.ProvingTime => ProvingMicroseconds,
        CostObjective.VerificationTime => VerificationMicroseconds,
        CostObjective.ProofSize => ProofBytes,
        CostObjective.TotalTime => ProvingMicroseconds + VerificationMicroseconds,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown cost objective."),
    };
}
