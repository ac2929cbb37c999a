namespace NexusZero.Consensus.Messages;

/// <summary>
/// A quality score in [0, 1], held as an integer count of millionths so encodings, comparisons and the median
/// are exact.
/// </summary>
public readonly record struct Score : IComparable<Score>
{
    /// <summary>The number of steps in [0, 1].</summary>
    public const uint Scale = 1_000_000;

    /// <summary>Creates a score from millionths.</summary>
    /// <param name="millionths">0 to 1,000,000.</param>
    /// <exception cref="ArgumentOutOfRangeException">Above 1,000,000.</exception>
    public Score(uint millionths)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(millionths, Scale);
        Millionths = millionths;
    }

    /// <summary>The score in millionths.</summary>
    public uint Millionths { get; }

    /// <summary>The score as a number in [0, 1].</summary>
    public double Value => Millionths / (double)Scale;

    /// <summary>Rounds a number in [0, 1] to the nearest millionth.</summary>
    /// <param name="value">The score.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">NaN or outside [0, 1].</exception>
    public static Score FromDouble(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A score is a number in [0, 1].");
        }

        return new Score((uint)Math.Round(value * Scale, MidpointRounding.ToEven));
    }

    /// <summary>True when <paramref name="millionths"/> is a valid score.</summary>
    /// <param name="millionths">The candidate.</param>
    /// <returns>True when at most 1,000,000.</returns>
    public static bool IsValid(uint millionths) => millionths <= Scale;

    /// <inheritdoc />
    public int CompareTo(Score other) => Millionths.CompareTo(other.Millionths);

    /// <summary>Orders scores.</summary>
    /// <param name="left">The left score.</param>
    /// <param name="right">The right score.</param>
    /// <returns>True when left is lower.</returns>
    public static bool operator <(Score left, Score right) => left.Millionths < right.Millionths;

    /// <summary>Orders scores.</summary>
    /// <param name="left">The left score.</param>
    /// <param name="right">The right score.</param>
    /// <returns>True when left is higher.</returns>
    public static bool operator >(Score left, Score right) => left.Millionths > right.Millionths;

    /// <summary>Orders scores.</summary>
    /// <param name="left">The left score.</param>
    /// <param name="right">The right score.</param>
    /// <returns>True when left is not higher.</returns>
    public static bool operator <=(Score left, Score right) => left.Millionths <= right.Millionths;

    /// <summary>Orders scores.</summary>
    /// <param name="left">The left score.</param>
    /// <param name="right">The right score.</param>
    /// <returns>True when left is not lower.</returns>
    public static bool operator >=(Score left, Score right) => left.Millionths >= right.Millionths;

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
