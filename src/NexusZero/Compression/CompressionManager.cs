using System.Diagnostics;

namespace NexusZero.Compression;

/// <summary>
/// Compresses proof payloads with the best of a list of candidate codecs, and decompresses them
/// canonically. Immutable and safe to share across threads (codecs are stateless).
/// </summary>
/// <remarks>
/// A payload is stored compressed only when a codec makes it strictly smaller; otherwise it is stored raw
/// under <see cref="CompressionCodecId.None"/> and the reason is reported as a warning. A codec that
/// throws never fails the proof: its failure becomes a warning too. Together with the canonical check in
/// <see cref="Decompress"/> this gives every payload exactly one accepted stored form.
/// </remarks>
public sealed class CompressionManager
{
    /// <summary>The time budget of <see cref="CompressionStrategy.Auto"/>.</summary>
    public static readonly TimeSpan AutoTimeBudget = TimeSpan.FromMilliseconds(50);

    /// <summary>The least fraction of the input <see cref="CompressionStrategy.Auto"/> must save (2%).</summary>
    public const double AutoMinimumGain = 0.02;

    private readonly ICompressionCodec[] _candidates;
    private readonly Dictionary<CompressionCodecId, ICompressionCodec> _decoders;

    /// <summary>Creates a manager trying <paramref name="candidates"/> in order (the smallest output wins; ties go to the earlier).</summary>
    /// <param name="candidates">The codecs to try; <see cref="NoCompressionCodec"/> entries are ignored since raw is always the fallback.</param>
    /// <exception cref="ArgumentException">Two candidates share a codec id.</exception>
    public CompressionManager(IEnumerable<ICompressionCodec> candidates)
        : this(candidates, timeBudget: null, minimumGain: 0)
    {
    }

    /// <summary>Creates a manager with a time budget and a minimum gain.</summary>
    /// <param name="candidates">The codecs to try, in order; <see cref="NoCompressionCodec"/> entries are ignored.</param>
    /// <param name="timeBudget">
    /// Once this much time has passed, the remaining candidates are skipped (the first is always tried);
    /// null tries them all. The chosen codec may then vary with machine load, never the bytes a codec writes.
    /// </param>
    /// <param name="minimumGain">The least fraction of the input (0 to below 1) a codec must save; less keeps the payload raw.</param>
    /// <exception cref="ArgumentException">Two candidates share a codec id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative budget, or a gain outside [0, 1).</exception>
    public CompressionManager(IEnumerable<ICompressionCodec> candidates, TimeSpan? timeBudget, double minimumGain)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (timeBudget is { } budget && budget < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeBudget), budget, "The time budget cannot be negative.");
        }

        if (!(minimumGain >= 0 && minimumGain < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumGain), minimumGain, "The minimum gain is a fraction in [0, 1).");
        }

        TimeBudget = timeBudget;
        MinimumGain = minimumGain;
        _candidates = [.. candidates.Where(codec => codec.Id != CompressionCodecId.None)];
        // Every built-in codec can be read whatever this manager writes, so an envelope verifies under any
        // strategy; a candidate replaces the built-in codec of its id.
        _decoders = new Dictionary<CompressionCodecId, ICompressionCodec>
        {
            [CompressionCodecId.None] = NoCompressionCodec.Instance,
            [CompressionCodecId.Lz4] = Lz4Codec.Fast,
            [CompressionCodecId.Lz4High] = Lz4Codec.High,
            [CompressionCodecId.Brotli] = BrotliCodec.Instance,
        };
        var seen = new HashSet<CompressionCodecId>();
        foreach (var codec in _candidates)
        {
            if (!seen.Add(codec.Id))
            {
                throw new ArgumentException($"Two candidate codecs share the id {codec.Id}.", nameof(candidates));
            }

            _decoders[codec.Id] = codec;
        }
    }

    /// <summary>The manager a <see cref="CompressionStrategy"/> stands for.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is not a defined strategy.</exception>
    public static CompressionManager ForStrategy(CompressionStrategy strategy) => strategy switch
    {
        CompressionStrategy.None => new CompressionManager([]),
        CompressionStrategy.Lz4 => new CompressionManager([Lz4Codec.Fast]),
        CompressionStrategy.Lz4High => new CompressionManager([Lz4Codec.High]),
        CompressionStrategy.Brotli => new CompressionManager([BrotliCodec.Instance]),
        CompressionStrategy.Auto => new CompressionManager([Lz4Codec.Fast, BrotliCodec.Instance], AutoTimeBudget, AutoMinimumGain),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown compression strategy."),
    };

    /// <summary>The codecs tried by <see cref="Compress"/>, in order.</summary>
    public IReadOnlyList<ICompressionCodec> Candidates => _candidates;

    /// <summary>After this much time no further candidate is started; null for no limit.</summary>
    public TimeSpan? TimeBudget { get; }

    /// <summary>The least fraction of the input a codec must save for its output to be kept.</summary>
    public double MinimumGain { get; }

    /// <summary>
    /// Compresses <paramref name="payload"/> with every candidate and keeps the smallest output that is
    /// strictly smaller than the input; raw (with a warning when candidates were tried) otherwise. Never
    /// throws because a codec failed.
    /// </summary>
    public CompressionOutcome Compress(ReadOnlySpan<byte> payload)
    {
        var started = Stopwatch.GetTimestamp();
        byte[]? best = null;
        var bestCodec = CompressionCodecId.None;
        List<string>? warnings = null;
        for (var i = 0; i < _candidates.Length; i++)
        {
            if (i > 0 && TimeBudget is { } budget && Stopwatch.GetElapsedTime(started) >= budget)
            {
                break;
            }

            var codec = _candidates[i];
            var attempt = TryCodec(codec, payload, out var problem);
            if (attempt is not null && payload.Length - attempt.Length < MinimumGain * payload.Length)
            {
                problem = $"codec {codec.Name} saved less than the minimum gain of {MinimumGain:P0} ({payload.Length} -> {attempt.Length} bytes)";
                attempt = null;
            }

            if (attempt is null)
            {
                (warnings ??= []).Add(problem!);
            }
            else if (best is null || attempt.Length < best.Length)
            {
                best = attempt;
                bestCodec = codec.Id;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (best is not null)
        {
            return new CompressionOutcome(bestCodec, best, payload.Length, best.Length, elapsed, null);
        }

        var warning = warnings is null ? null : "payload stored raw: " + string.Join("; ", warnings);
        return new CompressionOutcome(CompressionCodecId.None, payload.ToArray(), payload.Length, payload.Length, elapsed, warning);
    }

    /// <summary>
    /// Decompresses a stored payload and checks that it is the one accepted stored form: a raw payload
    /// uses <see cref="CompressionCodecId.None"/>; a compressed payload is strictly smaller than its
    /// expansion, and compressing the expansion again with the same codec gives back exactly the same bytes.
    /// </summary>
    /// <param name="codec">The codec id from the envelope.</param>
    /// <param name="stored">The stored payload.</param>
    /// <param name="maxOutputLength">The largest expansion accepted; larger is refused before it is produced.</param>
    /// <exception cref="FormatException">Unknown codec, malformed or oversized input, or a non-canonical encoding; the message names which.</exception>
    public byte[] Decompress(CompressionCodecId codec, ReadOnlySpan<byte> stored, int maxOutputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxOutputLength);
        if (!_decoders.TryGetValue(codec, out var decoder))
        {
            throw new FormatException($"Unknown compression codec id {(byte)codec}.");
        }

        if (codec == CompressionCodecId.None)
        {
            return decoder.Decompress(stored, maxOutputLength);
        }

        // An LZ4 frame is first held to the one descriptor our encoder writes: a cheap, precise rejection
        // before the re-compression check below.
        var expanded = decoder is Lz4Codec lz4
            ? lz4.Decompress(stored, maxOutputLength, strict: true)
            : decoder.Decompress(stored, maxOutputLength);
        if (expanded.Length <= stored.Length)
        {
            throw new FormatException($"Payload stored with codec {decoder.Name} does not shrink it ({stored.Length} stored bytes for {expanded.Length} raw): it must be stored raw.");
        }

        var again = TryCodec(decoder, expanded, out _);
        if (again is null || !again.AsSpan().SequenceEqual(stored))
        {
            throw new FormatException($"Payload is not the canonical {decoder.Name} encoding of its content.");
        }

        return expanded;
    }

    // Returns the codec's output when it is strictly smaller than the input; otherwise null and why.
    private static byte[]? TryCodec(ICompressionCodec codec, ReadOnlySpan<byte> payload, out string? problem)
    {
        try
        {
            var buffer = new byte[codec.GetMaxCompressedLength(payload.Length)];
            if (!codec.TryCompress(payload, buffer, out var written))
            {
                problem = $"codec {codec.Name} reported its output buffer too small";
                return null;
            }

            if (written >= payload.Length)
            {
                problem = $"codec {codec.Name} did not shrink the payload ({payload.Length} -> {written} bytes)";
                return null;
            }

            problem = null;
            return buffer.AsSpan(0, written).ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problem = $"codec {codec.Name} failed ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
    }
}
