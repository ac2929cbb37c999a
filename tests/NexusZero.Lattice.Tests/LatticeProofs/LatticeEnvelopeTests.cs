using NexusZero.Diagnostics;
using NexusZero.Lattice.Tests.Signatures;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.LatticeProofs;

/// <summary>Both lattice proof systems through the pipeline and the binary envelope.</summary>
public sealed class LatticeEnvelopeTests
{
    [Fact]
    public void KeyPossessionEnvelopeRejectsEverySingleByteChange()
    {
        using MLDsaPrivateKey key = Proofs.Lattice.MLDsaScheme.MLDsa44.GenerateKey(MLDsaTestData.Seed(30));
        var statement = new KeyPossessionStatement(key.PublicKey);
        using var witness = new KeyPossessionWitness(key);
        var pipeline = new ProofPipeline(ProtocolConfig.Default());
        ProofResult result = pipeline.Prove(new ProofRequest(LatticeKeyPossessionProofSystem.Instance, statement, witness, "ctx"u8.ToArray()));
        Assert.True(result.Metrics.VerifyAfterResult?.IsValid);
        Assert.Contains(result.Metrics.Figures, f => f.Name == "lattice.expected_repetitions" && f.Value > 1);
        AssertEveryByteChangeRejected(pipeline, result.ToBytes(), statement);
    }

    [Fact]
    public void ModuleLweEnvelopeRejectsEverySingleByteChange()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(ModuleLweProofTests.Seed(31), 4, 4, 2);
        using (witness)
        {
            var pipeline = new ProofPipeline(ProtocolConfig.Default());
            ProofResult result = pipeline.Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness, "ctx"u8.ToArray()));
            Assert.True(result.Metrics.VerifyAfterResult?.IsValid);
            ModuleLweParameterChoice choice = ModuleLweParameterSelector.Select(4, 4, 2, 128);
            Assert.Equal(choice.Parameters.Id, result.Metrics.ParameterSetId);
            Assert.True(result.Metrics.SecurityBits >= 128);
            MetricFigure repetitions = Assert.Single(result.Metrics.Figures, f => f.Name == "lattice.expected_repetitions");
            Assert.Equal(choice.ExpectedRepetitions, repetitions.Value, 9);
            Assert.Contains(result.Metrics.Figures, f => f.Name == "lattice.security.msis_classical" && f.Value >= 128);
            AssertEveryByteChangeRejected(pipeline, result.ToBytes(), statement);
        }
    }

    private static void AssertEveryByteChangeRejected(ProofPipeline pipeline, byte[] envelope, Statement statement)
    {
        Assert.True(pipeline.Verify(envelope).IsValid);
        Assert.True(pipeline.Verify(envelope, statement).IsValid);
        for (int i = 0; i < envelope.Length; i++)
        {
            byte original = envelope[i];
            envelope[i] ^= (byte)(1 << (i % 8));
            Assert.False(pipeline.Verify(envelope).IsValid, $"a change of envelope byte {i} was accepted");
            envelope[i] = original;
        }

        Assert.False(pipeline.Verify(envelope[..^1]).IsValid);
        Assert.False(pipeline.Verify([.. envelope, 0]).IsValid);
    }
}
