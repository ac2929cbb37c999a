using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Security.Cryptography;
using NexusZero.Groups;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>
/// TEST ONLY, INSECURE: the order-q subgroup of Z_p* for the 127-bit safe prime p = 2q + 1, computed
/// with BigInteger (not constant time, far too small to be secure). It lets the generic sigma-protocol
/// code be tested independently of any production group. Encodings are 16-byte big-endian integers;
/// elements must lie in the subgroup, scalars below q.
/// </summary>
internal sealed class InsecureTestGroup : IPrimeOrderGroup
{
    public static readonly BigInteger P = BigInteger.Parse("070424d6a7e2ff77870831f8e839bf343", System.Globalization.NumberStyles.HexNumber);
    public static readonly BigInteger Q = (P - 1) / 2;

    public static InsecureTestGroup Instance { get; } = new();

    private InsecureTestGroup()
    {
        Generator = new TestElement(this, 4);
        Identity = new TestElement(this, 1);
        ScalarZero = new TestScalar(this, 0);
        ScalarOne = new TestScalar(this, 1);
    }

    public GroupId Id => (GroupId)0xEE;
    public string Name => "insecure-test-modp127";
    public int ScalarLength => 16;
    public int ElementLength => 16;
    public GroupElement Generator { get; }
    public GroupElement Identity { get; }
    public GroupScalar ScalarZero { get; }
    public GroupScalar ScalarOne { get; }

    public GroupScalar RandomScalar()
    {
        Span<byte> wide = stackalloc byte[64];
        RandomNumberGenerator.Fill(wide);
        var s = ScalarFromUniformBytes(wide);
        return s.IsZero ? ScalarOne : s;
    }

    public GroupScalar ScalarFromUniformBytes(ReadOnlySpan<byte> wide)
    {
        if (wide.Length != 64)
        {
            throw new ArgumentException("64 bytes expected.", nameof(wide));
        }

        return new TestScalar(this, new BigInteger(wide, isUnsigned: true) % Q);
    }

    public bool TryDecodeScalar(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupScalar? scalar)
    {
        scalar = null;
        if (encoded.Length != ScalarLength)
        {
            return false;
        }

        var v = new BigInteger(encoded, isUnsigned: true, isBigEndian: true);
        if (v >= Q)
        {
            return false;
        }

        scalar = new TestScalar(this, v);
        return true;
    }

    public bool TryDecodeElement(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupElement? element)
    {
        element = null;
        if (encoded.Length != ElementLength)
        {
            return false;
        }

        var v = new BigInteger(encoded, isUnsigned: true, isBigEndian: true);
        if (v.IsZero || v >= P || BigInteger.ModPow(v, Q, P) != 1)
        {
            return false;
        }

        element = new TestElement(this, v);
        return true;
    }

    public GroupElement ElementFromUniformBytes(ReadOnlySpan<byte> uniformBytes)
    {
        if (uniformBytes.Length != 64)
        {
            throw new ArgumentException("64 bytes expected.", nameof(uniformBytes));
        }

        var v = new BigInteger(uniformBytes, isUnsigned: true) % P;
        return new TestElement(this, v.IsZero ? 4 : v * v % P);
    }

    public GroupElement MultiplyBase(GroupScalar secret) => Generator.Multiply(secret);

    public GroupElement MultiScalarMultiplyVarTime(ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw new ArgumentException("Lengths differ.", nameof(elements));
        }

        GroupElement sum = Identity;
        for (var i = 0; i < scalars.Length; i++)
        {
            sum = sum.Add(elements[i].MultiplyVarTime(scalars[i]));
        }

        return sum;
    }

    internal static byte[] Encode(BigInteger value)
    {
        var bytes = new byte[16];
        value.TryWriteBytes(bytes.AsSpan(16 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    internal sealed class TestScalar(InsecureTestGroup group, BigInteger value) : GroupScalar
    {
        public BigInteger Value { get; private set; } = value;

        public bool Disposed { get; private set; }

        public override IPrimeOrderGroup Group => group;
        public override bool IsZero => Value.IsZero;

        public override GroupScalar Add(GroupScalar other) => new TestScalar(group, (Value + V(other)) % Q);
        public override GroupScalar Subtract(GroupScalar other) => new TestScalar(group, ((Value - V(other)) % Q + Q) % Q);
        public override GroupScalar Multiply(GroupScalar other) => new TestScalar(group, Value * V(other) % Q);
        public override GroupScalar Negate() => new TestScalar(group, (Q - Value) % Q);
        public override GroupScalar Invert() => IsZero ? throw new InvalidOperationException("zero") : new TestScalar(group, BigInteger.ModPow(Value, Q - 2, Q));
        public override void Encode(Span<byte> destination) => InsecureTestGroup.Encode(Value).CopyTo(destination);
        public override bool Equals(GroupScalar? other) => other is TestScalar t && t.Value == Value;

        protected override void Dispose(bool disposing)
        {
            Value = 0;
            Disposed = true;
        }

        private static BigInteger V(GroupScalar s) => ((TestScalar)s).Value;
    }

    internal sealed class TestElement(InsecureTestGroup group, BigInteger value) : GroupElement
    {
        public BigInteger Value { get; } = value;

        public override IPrimeOrderGroup Group => group;
        public override bool IsIdentity => Value.IsOne;

        public override GroupElement Add(GroupElement other) => new TestElement(group, Value * V(other) % P);
        public override GroupElement Subtract(GroupElement other) => Add(other.Negate());
        public override GroupElement Negate() => new TestElement(group, BigInteger.ModPow(Value, Q - 1, P));
        public override GroupElement Multiply(GroupScalar scalar) => new TestElement(group, BigInteger.ModPow(Value, ((TestScalar)scalar).Value, P));
        public override GroupElement MultiplyVarTime(GroupScalar scalar) => Multiply(scalar);
        public override void Encode(Span<byte> destination) => InsecureTestGroup.Encode(Value).CopyTo(destination);
        public override bool Equals(GroupElement? other) => other is TestElement t && t.Value == Value;
        public override int GetHashCode() => Value.GetHashCode();

        private static BigInteger V(GroupElement e) => ((TestElement)e).Value;
    }
}
