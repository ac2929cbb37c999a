using System.Diagnostics.Metrics;

namespace NexusZero.Consensus;

/// <summary>The instruments of the "NexusZero.Consensus" meter.</summary>
internal static class ConsensusMetrics
{
    public const string MeterName = "NexusZero.Consensus";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> RoundDuration =
        Meter.CreateHistogram<double>("nexuszero.consensus.round.duration", "ms", "Time from proposing to finalized or failed.");

    public static readonly Counter<long> VotesReceived =
        Meter.CreateCounter<long>("nexuszero.consensus.votes.received", "{vote}", "Votes received from validators, valid or not.");

    public static readonly Counter<long> InvalidVotes =
        Meter.CreateCounter<long>("nexuszero.consensus.votes.invalid", "{vote}", "Votes and replies rejected: bad signature, wrong proposal or round, non-member, malformed.");

    public static readonly Counter<long> EvidenceFound =
        Meter.CreateCounter<long>("nexuszero.consensus.evidence.found", "{evidence}", "Equivocations detected.");
}
