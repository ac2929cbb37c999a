using NexusZero.Proofs;

namespace NexusZero.Tests.Proofs;

/// <summary>TEST ONLY: a statement with arbitrary canonical bytes.</summary>
internal sealed class FakeStatement(StatementKind kind, byte[] bytes) : Statement
{
    public override StatementKind Kind => kind;

    public override byte[] ToCanonicalBytes() => (byte[])bytes.Clone();

    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
        [new("bytes", Convert.ToHexStringLower(bytes))];
}
