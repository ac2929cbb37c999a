namespace NexusZero.Compute;

/// <summary>The transforms over a BN254 Fr domain a backend runs (<see cref="Groups.Bn254.FrDomain"/>).</summary>
internal enum FrTransform
{
    /// <summary>Coefficients → evaluations at ωⁱ.</summary>
    Forward,

    /// <summary>Evaluations at ωⁱ → coefficients.</summary>
    Inverse,

    /// <summary>Coefficients → evaluations at g·ωⁱ.</summary>
    CosetForward,

    /// <summary>Evaluations at g·ωⁱ → coefficients.</summary>
    CosetInverse,
}
