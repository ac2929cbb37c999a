using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Groups.Secp256k1;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Tests.Proofs.Sigma;

namespace NexusZero.Tests.Proofs;

/// <summary>Every single-byte change of a valid Schnorr envelope is rejected: at parsing or at verification.</summary>
public sealed class EnvelopeTamperingTests
{
    public static TheoryData<string> Groups => ["test", "ristretto255", "secp256k1"];

    [Theory]
    [MemberData(nameof(Groups))]
    public void Valid_envelope_is_accepted(string groupName)
    {
        var (registry, bytes) = ValidEnvelope(groupName);
        var (accepted, reason) = EnvelopeHarness.ParseAndVerify(bytes, registry);
        Assert.True(accepted, reason);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_single_byte_change_is_rejected(string groupName)
    {
        var (registry, bytes) = ValidEnvelope(groupName);
        foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var tampered = (byte[])bytes.Clone();
                tampered[i] ^= mask;
                var (accepted, reason) = EnvelopeHarness.ParseAndVerify(tampered, registry);
                Assert.False(accepted, $"byte {i} ^ 0x{mask:x2} accepted: {reason}");
            }
        }
    }

    internal static (ProofSystemRegistry Registry, byte[] Envelope) ValidEnvelope(string groupName)
    {
        var (group, system) = groupName switch
        {
            "test" => ((IPrimeOrderGroup)InsecureTestGroup.Instance, new SchnorrProofSystem([InsecureTestGroup.Instance])),
            "ristretto255" => (Ristretto255Group.Instance, SchnorrProofSystem.Instance),
            "secp256k1" => (Secp256k1Group.Instance, SchnorrProofSystem.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(groupName)),
        };

        using var x = group.RandomScalar();
        var statement = new DiscreteLogStatement(group, group.MultiplyBase(x));
        using var witness = new DiscreteLogWitness(x);
        var parameters = system.ParametersFor(group);
        var context = "tamper test"u8;
        var proof = system.Prove(statement, witness, parameters, context);
        var envelope = new ProofEnvelope(system.Id, parameters.Id, statement.ToCanonicalBytes(), context, proof);
        return (ProofSystemRegistry.Default.With(system), envelope.ToBytes());
    }
}
