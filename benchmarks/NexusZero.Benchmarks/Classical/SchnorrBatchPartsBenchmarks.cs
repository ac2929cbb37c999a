using BenchmarkDotNet.Attributes;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// The two largest parts of a 64-proof ristretto255 Schnorr batch, each against its one-by-one or
/// scalar counterpart in the same run: decoding the 64 commitments, and the 129-term multi-scalar
/// multiplication (64 full scalars, 64 of 128 bits, plus the base point).
/// </summary>
[MinColumn]
[MedianColumn]
public class SchnorrBatchPartsBenchmarks
{
    private const int Count = 64;
    private readonly byte[] _encodings = new byte[Count * RistrettoEncoding.EncodedLength];
    private readonly EdwardsPoint[] _decoded = new EdwardsPoint[Count];
    private readonly bool[] _valid = new bool[Count];
    private readonly Scalar[] _scalars = new Scalar[2 * Count];
    private readonly EdwardsPoint[] _points = new EdwardsPoint[2 * Count];
    private Scalar _baseScalar;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(129);
        var wide = new byte[64];
        for (var i = 0; i < 2 * Count; i++)
        {
            random.NextBytes(wide);
            _points[i] = RistrettoEncoding.FromUniformBytes(wide);
            random.NextBytes(wide);
            if (i % 2 == 1)
            {
                Array.Clear(wide, 16, 48);
            }

            _scalars[i] = Scalar.FromBytesModOrderWide(wide);
            if (i < Count)
            {
                RistrettoEncoding.Encode(_points[i], _encodings.AsSpan(i * RistrettoEncoding.EncodedLength, RistrettoEncoding.EncodedLength));
            }
        }

        random.NextBytes(wide);
        _baseScalar = Scalar.FromBytesModOrderWide(wide);
    }

    [Benchmark]
    public bool Decode64OneByOne()
    {
        var ok = true;
        for (var i = 0; i < Count; i++)
        {
            ok &= RistrettoEncoding.TryDecode(_encodings.AsSpan(i * RistrettoEncoding.EncodedLength, RistrettoEncoding.EncodedLength), out _decoded[i]);
        }

        return ok;
    }

    [Benchmark]
    public bool Decode64Batch()
    {
        RistrettoBatchDecoding.Decode(_encodings, _decoded, _valid);
        return _valid[0];
    }

    [Benchmark]
    public ulong Msm129ExistingStraus() => RistrettoEncoding.IsIdentity(MultiScalarMultiplication.Straus(_scalars, _points, _baseScalar));

    /// <summary>The bucket method on the 128 points (the group MSM picks it from 128 points on) plus b·B.</summary>
    [Benchmark]
    public ulong Msm129Pippenger() => RistrettoEncoding.IsIdentity(MultiScalarMultiplication.MultiplyVarTime(_baseScalar, _scalars, _points));

    [Benchmark]
    public ulong Msm129BatchScalar() => RistrettoEncoding.IsIdentity(BatchStraus.MultiplyVarTime(_baseScalar, _scalars, _points, packed: false));

    [Benchmark]
    public ulong Msm129BatchPacked() => RistrettoEncoding.IsIdentity(BatchStraus.MultiplyVarTime(_baseScalar, _scalars, _points, packed: true));
}
