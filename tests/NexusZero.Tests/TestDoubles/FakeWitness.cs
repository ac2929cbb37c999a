using System.Security.Cryptography;
using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>The preimage behind a <see cref="FakeStatement"/>.</summary>
internal sealed class FakeWitness(byte[] secret) : Witness
{
    public byte[] Secret
    {
        get
        {
            ThrowIfDisposed();
            return secret;
        }
    }

    public override StatementKind Kind => StatementKind.LinearRelation;

    protected override void ZeroSecrets() => CryptographicOperations.ZeroMemory(secret);
}
