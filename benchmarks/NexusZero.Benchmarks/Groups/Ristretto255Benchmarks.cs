using BenchmarkDotNet.Attributes;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Benchmarks.Groups;

/// <summary>ristretto255 single operations: scalar multiplications and encodings.</summary>
[MemoryDiagnoser]
public class Ristretto255Benchmarks
{
    private readonly Ristretto255Group _group = Ristretto255Group.Instance;
    private readonly byte[] _buffer = new byte[32];
    private GroupScalar _secret = null!;
    private GroupScalar _public = null!;
    private GroupElement _point = null!;
    private GroupElement _pointCopy = null!;
    private byte[] _encoded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secret = _group.RandomScalar();
        _public = _group.RandomScalar();
        var uniform = new byte[64];
        new Random(7).NextBytes(uniform);
        _point = _group.ElementFromUniformBytes(uniform);
        _encoded = _point.ToBytes();
        _pointCopy = _group.DecodeElement(_encoded);
        _group.MultiplyBase(_secret);
    }

    /// <summary>k·B with a secret k (constant time, precomputed comb), result encoded like libsodium's.</summary>
    [Benchmark]
    public void BaseMultiplySecretAndEncode() => _group.MultiplyBase(_secret).Encode(_buffer);

    /// <summary>k·B with a secret k, no encoding.</summary>
    [Benchmark]
    public GroupElement BaseMultiplySecret() => _group.MultiplyBase(_secret);

    /// <summary>k·P for a variable P with a secret k (constant time).</summary>
    [Benchmark]
    public GroupElement VariableBaseMultiplySecret() => _point.Multiply(_secret);

    /// <summary>k·P for a public k (width-5 NAF).</summary>
    [Benchmark]
    public GroupElement VariableBaseMultiplyVarTime() => _point.MultiplyVarTime(_public);

    /// <summary>a·B + b·P, the shape of a Schnorr verification.</summary>
    [Benchmark]
    public GroupElement TwoTermMsmWithBase() => _group.MultiScalarMultiplyVarTime([_secret, _public], [_group.Generator, _point]);

    /// <summary>Canonical encoding of an element (fresh instance each time, so the cached bytes are not reused).</summary>
    [Benchmark]
    public void Encode() => _group.DecodeElement(_encoded).Encode(_buffer);

    /// <summary>Canonical decoding with RFC 9496 validation.</summary>
    [Benchmark]
    public bool Decode() => _group.TryDecodeElement(_encoded, out _);

    /// <summary>Element derivation from 64 uniform bytes (hash-to-group).</summary>
    [Benchmark]
    public GroupElement ElementFromUniformBytes() => _group.ElementFromUniformBytes(new byte[64]);

    /// <summary>Equality of two representatives.</summary>
    [Benchmark]
    public bool ElementEquality() => _point.Equals(_pointCopy);
}
