using System.Globalization;

namespace NexusZero.Explainability.Counterfactuals;

/// <summary>What a counterfactual must reach: a class, or an output inside a range.</summary>
public sealed record CounterfactualTarget
{
    private CounterfactualTarget(int output, double min, double max, bool isClass)
    {
        Output = output;
        Min = min;
        Max = max;
        IsClass = isClass;
    }

    /// <summary>The class index (class targets) or the output index (range targets).</summary>
    public int Output { get; }

    /// <summary>Lower end of the range (inclusive); unused for class targets.</summary>
    public double Min { get; }

    /// <summary>Upper end of the range (inclusive); unused for class targets.</summary>
    public double Max { get; }

    /// <summary>True for a class target.</summary>
    public bool IsClass { get; }

    /// <summary>
    /// Reach class <paramref name="classIndex"/>: the arg-max output for multi-output models; for a single-output
    /// model class 1 means output ≥ 0.5 and class 0 means output &lt; 0.5.
    /// </summary>
    /// <param name="classIndex">The desired class.</param>
    /// <returns>The target.</returns>
    public static CounterfactualTarget Class(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        return new CounterfactualTarget(classIndex, double.NaN, double.NaN, isClass: true);
    }

    /// <summary>Bring output <paramref name="output"/> into [min, max].</summary>
    /// <param name="output">The output index.</param>
    /// <param name="min">Lower end (inclusive; may be −∞).</param>
    /// <param name="max">Upper end (inclusive; may be +∞).</param>
    /// <returns>The target.</returns>
    public static CounterfactualTarget Range(int output, double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        if (double.IsNaN(min) || double.IsNaN(max) || min > max)
        {
            throw new ArgumentException("The target range needs min ≤ max.", nameof(min));
        }

        return new CounterfactualTarget(output, min, max, isClass: false);
    }

    /// <inheritdoc />
    public override string ToString() => IsClass
        ? string.Create(CultureInfo.InvariantCulture, $"class {Output}")
        : string.Create(CultureInfo.InvariantCulture, $"output {Output} in [{Min}, {Max}]");

    internal void Validate(int outputCount)
    {
        int limit = IsClass && outputCount == 1 ? 2 : outputCount;
        if (Output >= limit)
        {
            throw new ArgumentException($"The target {this} does not exist for a model with {outputCount} output(s).", "target");
        }
    }

    internal bool IsMet(ReadOnlySpan<double> outputs)
    {
        if (!IsClass)
        {
            return outputs[Output] >= Min && outputs[Output] <= Max;
        }

        if (outputs.Length == 1)
        {
            return (outputs[0] >= 0.5) == (Output == 1);
        }

        int best = 0;
        for (int i = 1; i < outputs.Length; i++)
        {
            if (outputs[i] > outputs[best])
            {
                best = i;
            }
        }

        return best == Output;
    }
}
