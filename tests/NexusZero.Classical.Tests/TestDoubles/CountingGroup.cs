using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Classical.Tests.TestDoubles;

/// <summary>
/// A prime-order group that forwards every operation to <paramref name="inner"/> and counts it by name:
/// a prover's work, measured in group operations rather than wall time, so that two runs can be compared
/// exactly. Not thread-safe; one test at a time uses an instance.
/// </summary>
internal sealed class CountingGroup(IPrimeOrderGroup inner) : IPrimeOrderGroup
{
    private readonly Dictionary<string, long> _counts = [];

    /// <summary>A snapshot of the counts so far, by operation name.</summary>
    public IReadOnlyDictionary<string, long> Counts => new Dictionary<string, long>(_counts);

    /// <summary>Forgets the counts so far.</summary>
    public void Reset() => _counts.Clear();

    internal void Count(string operation) => _counts[operation] = _counts.GetValueOrDefault(operation) + 1;

    // Outside the enum's values so that caches keyed by group id keep this group apart from the real one.
    public GroupId Id => (GroupId)0x7E;

    public string Name => "counting " + inner.Name;

    public int ScalarLength => inner.ScalarLength;

    public int ElementLength => inner.ElementLength;

    public GroupElement Generator => field ??= new Element(this, inner.Generator);

    public GroupElement Identity => new Element(this, inner.Identity);

    public GroupScalar ScalarZero => new Scalar(this, inner.ScalarZero);

    public GroupScalar ScalarOne => new Scalar(this, inner.ScalarOne);

    public GroupScalar RandomScalar() => Wrap("RandomScalar", inner.RandomScalar());

    public GroupScalar ScalarFromUniformBytes(ReadOnlySpan<byte> wide) => Wrap("ScalarFromUniformBytes", inner.ScalarFromUniformBytes(wide));

    public bool TryDecodeScalar(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupScalar? scalar)
    {
        Count("TryDecodeScalar");
        scalar = inner.TryDecodeScalar(encoded, out var value) ? new Scalar(this, value) : null;
        return scalar is not null;
    }

    public bool TryDecodeElement(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out GroupElement? element)
    {
        Count("TryDecodeElement");
        element = inner.TryDecodeElement(encoded, out var value) ? new Element(this, value) : null;
        return element is not null;
    }

    public GroupElement ElementFromUniformBytes(ReadOnlySpan<byte> uniformBytes) => Wrap("ElementFromUniformBytes", inner.ElementFromUniformBytes(uniformBytes));

    public GroupElement MultiplyBase(GroupScalar secret) => Wrap("MultiplyBase", inner.MultiplyBase(Unwrap(secret)));

    public GroupElement MultiScalarMultiplyVarTime(ReadOnlySpan<GroupScalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        Count("MultiScalarMultiplyVarTime");
        var innerScalars = new GroupScalar[scalars.Length];
        var innerElements = new GroupElement[elements.Length];
        for (var i = 0; i < scalars.Length; i++)
        {
            innerScalars[i] = Unwrap(scalars[i]);
        }

        for (var i = 0; i < elements.Length; i++)
        {
            innerElements[i] = Unwrap(elements[i]);
        }

        return new Element(this, inner.MultiScalarMultiplyVarTime(innerScalars, innerElements));
    }

    private Scalar Wrap(string operation, GroupScalar value)
    {
        Count(operation);
        return new Scalar(this, value);
    }

    private Element Wrap(string operation, GroupElement value)
    {
        Count(operation);
        return new Element(this, value);
    }

    private static GroupScalar Unwrap(GroupScalar scalar) => ((Scalar)scalar).Inner;

    private static GroupElement Unwrap(GroupElement element) => ((Element)element).Inner;

    private sealed class Scalar(CountingGroup group, GroupScalar inner) : GroupScalar
    {
        public GroupScalar Inner { get; } = inner;

        public override IPrimeOrderGroup Group => group;

        public override bool IsZero
        {
            get
            {
                group.Count("Scalar.IsZero");
                return Inner.IsZero;
            }
        }

        public override GroupScalar Add(GroupScalar other) => group.Wrap("Scalar.Add", Inner.Add(Unwrap(other)));

        public override GroupScalar Subtract(GroupScalar other) => group.Wrap("Scalar.Subtract", Inner.Subtract(Unwrap(other)));

        public override GroupScalar Multiply(GroupScalar other) => group.Wrap("Scalar.Multiply", Inner.Multiply(Unwrap(other)));

        public override GroupScalar Negate() => group.Wrap("Scalar.Negate", Inner.Negate());

        public override GroupScalar Invert() => group.Wrap("Scalar.Invert", Inner.Invert());

        public override void Encode(Span<byte> destination)
        {
            group.Count("Scalar.Encode");
            Inner.Encode(destination);
        }

        public override bool Equals(GroupScalar? other)
        {
            group.Count("Scalar.Equals");
            return other is Scalar s && Inner.Equals(s.Inner);
        }

        protected override void Dispose(bool disposing)
        {
            // Dispose is bookkeeping, not work an observer could time against a branch: not counted.
            Inner.Dispose();
        }
    }

    private sealed class Element(CountingGroup group, GroupElement inner) : GroupElement
    {
        public GroupElement Inner { get; } = inner;

        public override IPrimeOrderGroup Group => group;

        public override bool IsIdentity
        {
            get
            {
                group.Count("Element.IsIdentity");
                return Inner.IsIdentity;
            }
        }

        public override GroupElement Add(GroupElement other) => group.Wrap("Element.Add", Inner.Add(Unwrap(other)));

        public override GroupElement Subtract(GroupElement other) => group.Wrap("Element.Subtract", Inner.Subtract(Unwrap(other)));

        public override GroupElement Negate() => group.Wrap("Element.Negate", Inner.Negate());

        public override GroupElement Multiply(GroupScalar scalar) => group.Wrap("Element.Multiply", Inner.Multiply(Unwrap(scalar)));

        public override GroupElement MultiplyVarTime(GroupScalar scalar) => group.Wrap("Element.MultiplyVarTime", Inner.MultiplyVarTime(Unwrap(scalar)));

        public override void Encode(Span<byte> destination)
        {
            group.Count("Element.Encode");
            Inner.Encode(destination);
        }

        public override bool Equals(GroupElement? other)
        {
            group.Count("Element.Equals");
            return other is Element e && Inner.Equals(e.Inner);
        }

        public override int GetHashCode() => Inner.GetHashCode();
    }
}
