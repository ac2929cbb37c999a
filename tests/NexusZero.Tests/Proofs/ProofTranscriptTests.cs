using NexusZero.Proofs;
using NexusZero.Transcripts;

namespace NexusZero.Tests.Proofs;

public sealed class ProofTranscriptTests
{
    private static readonly FakeParameterSet Parameters = new(7, [1, 2, 3]);
    private static readonly FakeStatement Statement = new(StatementKind.DiscreteLog, [9, 8, 7]);
    private static readonly byte[] Context = "ctx"u8.ToArray();

    [Fact]
    public void Begin_appends_the_documented_sequence()
    {
        using var expected = new Transcript("NexusZero"u8);
        expected.AppendUInt64("nexuszero-version"u8, 1);
        expected.AppendUInt64("proof-system"u8, 0x0101);
        expected.AppendUInt64("parameter-set"u8, 7);
        expected.AppendMessage("parameters"u8, [1, 2, 3]);
        expected.AppendUInt64("statement-kind"u8, 1);
        expected.AppendMessage("statement"u8, [9, 8, 7]);
        expected.AppendMessage("context"u8, "ctx"u8);

        using var actual = ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, Parameters, Statement, Context);
        Assert.Equal(Challenge(expected), Challenge(actual));
    }

    [Fact]
    public void A_clone_of_the_shared_prefix_plus_the_statement_equals_begin()
    {
        using var shared = ProofTranscript.BeginShared(ProofSystemId.SchnorrDiscreteLog, Parameters);
        foreach (var (statement, context) in new[] { (Statement, Context), (new FakeStatement(StatementKind.DiscreteLog, [1]), Array.Empty<byte>()) })
        {
            using var forked = shared.Clone();
            ProofTranscript.BindStatement(forked, statement, context);
            using var begun = ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, Parameters, statement, context);
            Assert.Equal(Challenge(begun), Challenge(forked));
        }
    }

    [Fact]
    public void Every_input_is_bound()
    {
        var baseline = Challenge(ProofSystemId.SchnorrDiscreteLog, Parameters, Statement, Context);
        var variants = new[]
        {
            Challenge(ProofSystemId.DiscreteLogEquality, Parameters, Statement, Context),
            Challenge(ProofSystemId.SchnorrDiscreteLog, new FakeParameterSet(8, [1, 2, 3]), Statement, Context),
            Challenge(ProofSystemId.SchnorrDiscreteLog, new FakeParameterSet(7, [1, 2, 4]), Statement, Context),
            Challenge(ProofSystemId.SchnorrDiscreteLog, Parameters, new FakeStatement(StatementKind.Range, [9, 8, 7]), Context),
            Challenge(ProofSystemId.SchnorrDiscreteLog, Parameters, new FakeStatement(StatementKind.DiscreteLog, [9, 8, 6]), Context),
            Challenge(ProofSystemId.SchnorrDiscreteLog, Parameters, Statement, "ctx2"u8.ToArray()),
            Challenge(ProofSystemId.SchnorrDiscreteLog, Parameters, Statement, []),
        };

        Assert.All(variants, v => Assert.NotEqual(baseline, v));
        Assert.Equal(variants.Length, variants.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Null_arguments_are_misuse()
    {
        Assert.Throws<ArgumentNullException>(() => ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, null!, Statement, []));
        Assert.Throws<ArgumentNullException>(() => ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, Parameters, null!, []));
    }

    private static byte[] Challenge(ProofSystemId id, ParameterSet parameters, Statement statement, byte[] context)
    {
        using var transcript = ProofTranscript.Begin(id, parameters, statement, context);
        return Challenge(transcript);
    }

    private static byte[] Challenge(Transcript transcript)
    {
        var challenge = new byte[32];
        transcript.ChallengeBytes("c"u8, challenge);
        return challenge;
    }
}
