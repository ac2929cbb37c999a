using BenchmarkDotNet.Attributes;
using NexusZero.Compression;

namespace NexusZero.Benchmarks.Compression;

/// <summary>
/// LZ4 and Brotli throughput on each corpus. Frames use 4 MB independent blocks and no checksums, the
/// work `lz4 -b1` measures (its benchmark mode compresses blocks and computes no checksum), so the
/// figures compare with it on the same files; when
/// NEXUSZERO_COMPRESSION_CORPUS names a directory, the setup also writes the corpus and our frames there
/// for benchmarks/scripts/compare-lz4.sh.
/// </summary>
[MemoryDiagnoser]
public class Lz4Benchmarks
{
    private static readonly Lz4FrameOptions ToolDefaults = Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB, ContentSize = false, ContentChecksum = false };

    private readonly Lz4Codec _fast = new(ToolDefaults);
    private readonly Lz4Codec _high = new(ToolDefaults with { Level = Lz4CompressionLevel.High });
    private byte[] _input = [];
    private byte[] _frame = [];
    private byte[] _brotli = [];
    private byte[] _compressBuffer = [];
    private byte[] _decompressBuffer = [];

    /// <summary>Which corpus.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "text";

    /// <summary>The corpus names; NEXUSZERO_COMPRESSION_CORPORA (comma-separated) narrows them, so a script can interleave runs.</summary>
    public static IEnumerable<string> Corpora =>
        Environment.GetEnvironmentVariable(CompressionCorpus.SelectVariable) is { Length: > 0 } selected
            ? selected.Split(',').Intersect(CompressionCorpus.Names)
            : CompressionCorpus.Names;

    /// <summary>Builds the corpus and the frames to decode.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _input = CompressionCorpus.Create(Corpus);
        _frame = _fast.Compress(_input);
        _brotli = BrotliCodec.Instance.Compress(_input);
        _compressBuffer = new byte[Math.Max(_fast.GetMaxCompressedLength(_input.Length), BrotliCodec.Instance.GetMaxCompressedLength(_input.Length))];
        _decompressBuffer = new byte[_input.Length];
        if (Environment.GetEnvironmentVariable(CompressionCorpus.ExportVariable) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, Corpus + ".bin"), _input);
            File.WriteAllBytes(Path.Combine(directory, Corpus + ".bin.nz-fast.lz4"), _frame);
            File.WriteAllBytes(Path.Combine(directory, Corpus + ".bin.nz-high.lz4"), _high.Compress(_input));
        }
    }

    /// <summary>Fast level, one-shot into a preallocated buffer.</summary>
    [Benchmark(Baseline = true)]
    public int Lz4CompressFast()
    {
        _fast.TryCompress(_input, _compressBuffer, out var written);
        return written;
    }

    /// <summary>High level, one-shot into a preallocated buffer.</summary>
    [Benchmark]
    public int Lz4CompressHigh()
    {
        _high.TryCompress(_input, _compressBuffer, out var written);
        return written;
    }

    /// <summary>Decoding a fast-level frame into a preallocated buffer.</summary>
    [Benchmark]
    public int Lz4Decompress()
    {
        _fast.TryDecompress(_frame, _decompressBuffer, out var written);
        return written;
    }

    /// <summary>Brotli at the codec's fixed quality, for scale.</summary>
    [Benchmark]
    public int BrotliCompress()
    {
        BrotliCodec.Instance.TryCompress(_input, _compressBuffer, out var written);
        return written;
    }

    /// <summary>Brotli decoding (allocating, bounded).</summary>
    [Benchmark]
    public int BrotliDecompress() => BrotliCodec.Instance.Decompress(_brotli, _input.Length).Length;
}
