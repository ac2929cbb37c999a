using System.Diagnostics.Metrics;

namespace NexusZero.Service.Caching;

/// <summary>
/// The names under which the receipt cache reports, on the <see cref="MeterName"/> meter (docs/architecture.md,
/// "The receipt cache"). Pass <see cref="MeterName"/> to an OpenTelemetry meter provider to export them.
/// </summary>
public static class ReceiptCacheMetrics
{
    /// <summary>The meter's name: <c>NexusZero.Service</c>.</summary>
    public const string MeterName = "NexusZero.Service";

    /// <summary>Counter of coordinator lookups, tagged <see cref="OutcomeTag"/> = hit, miss, rejected or shared.</summary>
    public const string LookupsInstrument = "nexuszero.service.cache.lookups";

    /// <summary>
    /// Counter of store operations that failed or were refused and were treated as a miss or a no-op, tagged
    /// <see cref="StoreTag"/>, <see cref="OperationTag"/> (get, set, remove) and <see cref="ReasonTag"/>.
    /// </summary>
    public const string StoreErrorsInstrument = "nexuszero.service.cache.store_errors";

    /// <summary>Up-down counter of computations in flight in a coordinator's single-flight table.</summary>
    public const string InFlightInstrument = "nexuszero.service.cache.in_flight";

    /// <summary>The lookup outcome tag.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The store tag: <c>redis</c> (the Redis store) or <c>custom</c> (a store that threw to the coordinator).</summary>
    public const string StoreTag = "store";

    /// <summary>The operation tag: <c>get</c>, <c>set</c> or <c>remove</c>.</summary>
    public const string OperationTag = "operation";

    /// <summary>The reason tag: <c>unreachable</c>, <c>timeout</c>, <c>server_error</c>, <c>oversized</c> or <c>exception</c>.</summary>
    public const string ReasonTag = "reason";

    private static readonly Meter SharedMeter = new(MeterName);

    /// <summary>The meter from <paramref name="meterFactory"/>, or one shared process-wide meter when it is null.</summary>
    internal static Meter GetMeter(IMeterFactory? meterFactory) =>
        meterFactory is null ? SharedMeter : meterFactory.Create(MeterName);

    /// <summary>The tag value for <paramref name="outcome"/>.</summary>
    internal static string TagValue(CacheOutcome outcome) => outcome switch
    {
        CacheOutcome.Hit => "hit",
        CacheOutcome.Miss => "miss",
        CacheOutcome.Rejected => "rejected",
        CacheOutcome.Shared => "shared",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown cache outcome."),
    };
}
