using NexusZero.Lattice.Tests.Signatures;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.LatticeProofs;

public sealed class LatticeFacadeTests
{
    [Fact]
    public void ProveKeyPossessionVerifiesOnlyForItsKeyAndContext()
    {
        var api = new NexuszeroApi();
        using MLDsaPrivateKey key = MLDsaScheme.MLDsa65.GenerateKey(MLDsaTestData.Seed(40));
        using MLDsaPrivateKey other = MLDsaScheme.MLDsa65.GenerateKey(MLDsaTestData.Seed(41));
        ProofResult result = api.ProveKeyPossession(key.PublicKey, key, "session-1"u8);
        byte[] envelope = result.ToBytes();
        Assert.True(api.Verify(envelope, new KeyPossessionStatement(key.PublicKey)).IsValid);
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(envelope, new KeyPossessionStatement(other.PublicKey)).Failure);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => api.ProveKeyPossession(key.PublicKey, other, "session-1"u8)).Kind);

        // Replaying the proof under another context: rebuild the envelope with a different context.
        ProofEnvelope parsed = ProofEnvelope.Parse(envelope);
        var replayed = new ProofEnvelope(parsed.ProofSystem, parsed.ParameterSetId, parsed.Statement.Span, "session-2"u8, parsed.Payload.Span);
        Assert.Equal(VerificationFailure.EquationFailed, api.Verify(replayed.ToBytes()).Failure);
    }

    [Fact]
    public void ProveLatticeRelationUsesTheConfiguredLevel()
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 192 });
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(ModuleLweProofTests.Seed(42), 6, 5, 4);
        using (witness)
        {
            ProofResult result = api.ProveLatticeRelation(statement, witness, "ctx"u8);
            Assert.True(result.Metrics.SecurityBits >= 192);
            Assert.Equal(ModuleLweParameterSelector.Select(6, 5, 4, 192).Parameters.Id, result.Metrics.ParameterSetId);
            Assert.True(api.Verify(result.ToBytes(), statement).IsValid);
        }
    }
}
