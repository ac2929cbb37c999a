using NexusZero.Cli;
using NexusZero.Lattice.Tests.LatticeProofs;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Soundness;

/// <summary>
/// Issue #12: a proof forged under a parameter set the envelope id can express (τ = 1, a 9-bit challenge
/// space) is a real forgery, and every verification path refuses it.
/// </summary>
public sealed class WeakParameterSetTests : IDisposable
{
    private static readonly ModuleLweParameters Weak = ModuleLweParameters.Create(4, 4, 17, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-weak-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Presets => new() { "fast", "default", "secure" };

    [Fact]
    public void TheForgeryPassesTheRawEquationForAVictimsStatementAndForOneWithoutWitness()
    {
        ModuleLweProofSystem permissive = ModuleLweProofSystem.Instance.WithParameterSets(Weak);
        (ModuleLweStatement victim, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(ModuleLweProofTests.Seed(70), 4, 4, 2);
        witness.Dispose();
        byte[] forged = WeakChallengeForger.Forge(victim, Weak, "a context the victim never signed"u8, seed: 1);
        Assert.True(permissive.Verify(victim, forged, Weak, "a context the victim never signed"u8).IsValid);

        ModuleLweStatement noWitness = RandomStatement(71);
        byte[] forgedRandom = WeakChallengeForger.Forge(noWitness, Weak, "ctx"u8, seed: 2);
        Assert.True(permissive.Verify(noWitness, forgedRandom, Weak, "ctx"u8).IsValid);
    }

    [Fact]
    public void TheSharedProofSystemRefusesTheSetAndNamesItsBits()
    {
        ModuleLweStatement statement = RandomStatement(72);
        byte[] forged = WeakChallengeForger.Forge(statement, Weak, "ctx"u8, seed: 3);
        VerificationResult result = ModuleLweProofSystem.Instance.Verify(statement, forged, Weak, "ctx"u8);
        Assert.False(result.IsValid);
        Assert.Equal(VerificationFailure.UnknownProofSystem, result.Failure);
        Assert.Contains(Weak.Name, result.Reason, StringComparison.Ordinal);
        Assert.Contains("bits", result.Reason, StringComparison.Ordinal);
        Assert.False(ModuleLweProofSystem.Instance.TryGetParameterSet(Weak.Id, out _));

        (ModuleLweStatement honest, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(ModuleLweProofTests.Seed(73), 4, 4, 2);
        using (witness)
        {
            Assert.Throws<ArgumentException>(() => ModuleLweProofSystem.Instance.Prove(honest, witness, Weak, "ctx"u8));
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void EveryPresetRefusesTheForgedEnvelope(string preset)
    {
        ProtocolConfig config = preset switch
        {
            "fast" => ProtocolConfig.Fast(),
            "secure" => ProtocolConfig.Secure(),
            _ => ProtocolConfig.Default(),
        };
        (ModuleLweStatement statement, byte[] envelope) = ForgedEnvelope(74);
        var api = new NexuszeroApi(config);
        Assert.False(api.Verify(envelope).IsValid);
        VerificationResult pinnedStatement = api.Verify(envelope, statement);
        Assert.False(pinnedStatement.IsValid);
        Assert.Contains(Weak.Name, pinnedStatement.Reason, StringComparison.Ordinal);
        ModuleLweParameters honestSet = ModuleLweParameterSelector.Select(4, 4, 2, 128).Parameters;
        Assert.False(api.Verify(envelope, statement, honestSet).IsValid);
    }

    [Fact]
    public void ARegisteredWeakSetIsStillBelowTheFloor()
    {
        (ModuleLweStatement statement, byte[] envelope) = ForgedEnvelope(75);
        ProofSystemRegistry registry = ProofSystemRegistry.Default.With(ModuleLweProofSystem.Instance.WithParameterSets(Weak));
        var api = new NexuszeroApi(registry: registry);
        VerificationResult result = api.Verify(envelope, statement);
        Assert.Equal(VerificationFailure.InsufficientSecurity, result.Failure);
        Assert.Contains(Weak.Name, result.Reason, StringComparison.Ordinal);
        Assert.Contains("128 bits", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCliRefusesTheForgeryAndPrintsTheSetsBits()
    {
        (_, byte[] envelope) = ForgedEnvelope(76);
        string file = Path.Combine(_folder, "forged.nzp");
        File.WriteAllBytes(file, envelope);
        (int exitCode, string output, _) = Run("verify", file);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("verdict:        invalid", output, StringComparison.Ordinal);
        Assert.Contains("security:       refused", output, StringComparison.Ordinal);
        Assert.Contains(Weak.Name, output, StringComparison.Ordinal);

        (int inspectExit, string inspected, _) = Run("inspect", file);
        Assert.Equal(0, inspectExit);
        Assert.Contains("refused", inspected, StringComparison.Ordinal);
    }

    [Fact]
    public void HonestProofsPrintTheirBitsAndMeetTheRequestedFloorOnly()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(ModuleLweProofTests.Seed(77), 4, 4, 2);
        using (witness)
        {
            ProofResult result = new NexuszeroApi().Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness, "ctx"u8.ToArray()));
            string file = Path.Combine(_folder, "honest.nzp");
            File.WriteAllBytes(file, result.ToBytes());
            (int exitCode, string output, _) = Run("verify", file);
            Assert.Equal(0, exitCode);
            Assert.Contains("security:       ", output, StringComparison.Ordinal);
            Assert.Contains("challenge", output, StringComparison.Ordinal);

            (int strictExit, string strict, _) = Run("verify", file, "--min-security", "256");
            Assert.Equal(1, strictExit);
            Assert.Contains("InsufficientSecurity", strict, StringComparison.Ordinal);
            Assert.Equal(VerificationFailure.InsufficientSecurity, new NexuszeroApi(ProtocolConfig.Secure()).Verify(result.ToBytes(), statement).Failure);

            var chosen = (ModuleLweParameters)ModuleLweProofSystem.Instance.SelectDefaultParameters(statement, 128);
            ModuleLweParameters other = ModuleLweParameters.Create(4, 4, chosen.Gamma1Bits - 1, chosen.Tau);
            Assert.True(ModuleLweProofSystem.Instance.Accepts(other));
            Assert.Equal(VerificationFailure.ParameterSetMismatch, new NexuszeroApi().Verify(result.ToBytes(), statement, other).Failure);
            Assert.True(new NexuszeroApi().Verify(result.ToBytes(), statement, ModuleLweProofSystem.Instance.SelectDefaultParameters(statement, 128)).IsValid);
        }
    }

    [Fact]
    public void OnlyTheSelectorsSetsOfTheEntireIdSpaceAreAccepted()
    {
        int accepted = 0;
        for (int id = 0; id <= ushort.MaxValue; id++)
        {
            if (ModuleLweProofSystem.Instance.TryGetParameterSet((ushort)id, out ParameterSet? set))
            {
                accepted++;
                var mlwe = Assert.IsType<ModuleLweParameters>(set);
                Assert.True(ModuleLweParameterSelector.IsSelectable(mlwe), mlwe.Name);
                Assert.True(mlwe.SecurityBits >= 128, $"{mlwe.Name} offers {mlwe.SecurityBits} bits");
                Assert.True(mlwe.ChallengeSpaceBits >= 128, $"{mlwe.Name} has a {mlwe.ChallengeSpaceBits:F1}-bit challenge space");
            }
        }

        // At most one τ per level for each shape and γ1: 64 shapes × 10 ranges × 3 levels.
        Assert.InRange(accepted, 1, 64 * 10 * 3);
        Assert.False(ModuleLweProofSystem.Instance.TryGetParameterSet(Weak.Id, out _));
    }

    private static (ModuleLweStatement Statement, byte[] Envelope) ForgedEnvelope(int seed)
    {
        ModuleLweStatement statement = RandomStatement(seed);
        byte[] proof = WeakChallengeForger.Forge(statement, Weak, "ctx"u8, seed);
        var envelope = new ProofEnvelope(ProofSystemId.ModuleLweRelation, Weak.Id, statement.ToCanonicalBytes(), "ctx"u8, proof);
        return (statement, envelope.ToBytes());
    }

    /// <summary>A statement with uniform t: almost surely no short witness exists.</summary>
    private static ModuleLweStatement RandomStatement(int seed)
    {
        var random = new Random(seed);
        int[] t = new int[4 * 256];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = random.Next(8380417);
        }

        return ModuleLweStatement.Create(ModuleLweProofTests.Seed(seed), 4, 4, 2, t);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CliRunner.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
