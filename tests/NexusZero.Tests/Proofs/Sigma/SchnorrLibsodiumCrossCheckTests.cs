using System.Security.Cryptography;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Tests.Groups;

namespace NexusZero.Tests.Proofs.Sigma;

/// <summary>
/// Schnorr over ristretto255 checked with libsodium's independent ristretto255 arithmetic: our proofs
/// satisfy s·B = R + c·X computed by libsodium, and proofs assembled with libsodium verify with us.
/// Only the challenge derivation (our transcript) is shared.
/// </summary>
public sealed class SchnorrLibsodiumCrossCheckTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;
    private static readonly SchnorrProofSystem System = SchnorrProofSystem.Instance;
    private static readonly byte[] Context = "libsodium cross-check"u8.ToArray();

    [Fact]
    public void Our_proofs_satisfy_the_equation_in_libsodium()
    {
        var parameters = System.ParametersFor(Group);
        for (var i = 0; i < 8; i++)
        {
            using var x = Group.RandomScalar();
            var statement = new DiscreteLogStatement(Group, Group.MultiplyBase(x));
            using var witness = new DiscreteLogWitness(x);
            var proof = System.Prove(statement, witness, parameters, Context);

            Assert.Equal(Libsodium.ScalarMultBase(x.ToBytes()), statement.PublicValue.ToBytes());
            var r = proof[..32];
            var s = proof[32..];
            var c = Challenge(statement, r);
            var rhs = Libsodium.Add(r, Libsodium.ScalarMult(c, statement.PublicValue.ToBytes())!);
            Assert.Equal(rhs, Libsodium.ScalarMultBase(s));
        }
    }

    [Fact]
    public void Proofs_assembled_with_libsodium_verify()
    {
        var parameters = System.ParametersFor(Group);
        for (var i = 0; i < 8; i++)
        {
            var x = Libsodium.ScalarReduce(RandomNumberGenerator.GetBytes(64));
            var k = Libsodium.ScalarReduce(RandomNumberGenerator.GetBytes(64));
            Assert.True(Group.TryDecodeElement(Libsodium.ScalarMultBase(x)!, out var publicValue));
            var statement = new DiscreteLogStatement(Group, publicValue);
            var r = Libsodium.ScalarMultBase(k)!;
            var c = Challenge(statement, r);
            var s = Libsodium.ScalarAdd(k, Libsodium.ScalarMul(c, x));

            Assert.True(System.Verify(statement, [.. r, .. s], parameters, Context).IsValid);
            var wrongS = Libsodium.ScalarAdd(s, One());
            Assert.False(System.Verify(statement, [.. r, .. wrongS], parameters, Context).IsValid);
        }
    }

    private static byte[] One()
    {
        var one = new byte[32];
        one[0] = 1;
        return one;
    }

    // The verifier's challenge, reduced by libsodium rather than by our scalar code.
    private static byte[] Challenge(DiscreteLogStatement statement, byte[] r)
    {
        using var transcript = ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, System.ParametersFor(Group), statement, Context);
        transcript.AppendMessage("R"u8, r);
        var wide = new byte[64];
        transcript.ChallengeBytes("c"u8, wide);
        return Libsodium.ScalarReduce(wide);
    }
}
