using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// Decoding the 64 SEC1 compressed commitments of a 64-proof secp256k1 Schnorr batch: the single
/// decoder one encoding at a time against the four-lane batch decoder, side by side in one run.
/// </summary>
[MinColumn]
[MedianColumn]
public class Secp256k1DecodeBenchmarks
{
    private const int Count = 64;
    private readonly byte[] _encodings = new byte[Count * Secp256k1Group.PointSize];
    private readonly AffinePoint[] _decoded = new AffinePoint[Count];
    private readonly bool[] _valid = new bool[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(256);
        var wide = new byte[64];
        var group = Secp256k1Group.Instance;
        for (var i = 0; i < Count; i++)
        {
            random.NextBytes(wide);
            var point = group.ElementFromUniformBytes(wide);

            // Derived points have even y; negating every other one gives both prefixes.
            var encoded = i % 2 == 0 ? point.ToBytes() : (-point).ToBytes();
            encoded.CopyTo(_encodings, i * Secp256k1Group.PointSize);
        }
    }

    [Benchmark(Baseline = true)]
    public bool Decode64OneByOne()
    {
        var ok = true;
        for (var i = 0; i < Count; i++)
        {
            ok &= Secp256k1Group.TryDecodeAffine(_encodings.AsSpan(i * Secp256k1Group.PointSize, Secp256k1Group.PointSize), out _decoded[i]);
        }

        return ok;
    }

    [Benchmark]
    public bool Decode64Batch()
    {
        Secp256k1BatchDecoding.Decode(_encodings, _decoded, _valid);
        return _valid[0];
    }
}
