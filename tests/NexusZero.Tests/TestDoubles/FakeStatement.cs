using System.Security.Cryptography;
using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>"I know a preimage of this SHA-256 digest": the statement of <see cref="FakeProofSystem"/>.</summary>
internal sealed class FakeStatement(byte[] digest) : Statement
{
    public byte[] Digest { get; } = digest;

    public override StatementKind Kind => StatementKind.LinearRelation;

    public static FakeStatement For(byte[] secret) => new(SHA256.HashData(secret));

    public override byte[] ToCanonicalBytes() => (byte[])Digest.Clone();

    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
        [new("digest", Convert.ToHexStringLower(Digest))];
}
