using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Certificates;

/// <summary>
/// The aggregate score: the weighted lower median, the first score in ascending order at which the cumulative
/// weight reaches half the total. With equal weights it is the median for an odd count and the lower of the two
/// middle values for an even one. With faulty weight below half of the included weight, the result lies between
/// the lowest and highest honest score (docs/security.md).
/// </summary>
internal static class ScoreAggregation
{
    public static Score WeightedLowerMedian(IReadOnlyList<(Score Score, int Weight)> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("No scores to aggregate.", nameof(entries));
        }

        var sorted = entries.OrderBy(e => e.Score.Millionths).ToArray();
        long total = 0;
        foreach (var entry in sorted)
        {
            total += entry.Weight;
        }

        long cumulative = 0;
        foreach (var entry in sorted)
        {
            cumulative += entry.Weight;
            if (cumulative * 2 >= total)
            {
                return entry.Score;
            }
        }

        return sorted[^1].Score;
    }
}
