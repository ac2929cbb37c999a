using NexusZero.Consensus;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Benchmarks.Consensus;

/// <summary>n in-process validators with fresh P-256 keys, each accepting with a fixed score.</summary>
internal sealed class ConsensusFixture : IDisposable
{
    public ConsensusFixture(int n, ISignatureScheme? scheme = null)
    {
        scheme ??= SignatureSchemes.Default;
        Keys = Enumerable.Range(0, n).Select(_ => scheme.GenerateKey()).ToArray();
        Set = ValidatorSet.Create(1, scheme, Keys.Select((k, i) => new ValidatorMember($"v{i:D2}", k.PublicKey.Span)));
        Validators = Enumerable.Range(0, n).Select(i => new Validator(Set, $"v{i:D2}", Clone(scheme, Keys[i]), [new FixedEvaluator(0.8 + (0.001 * i))])).ToArray();
    }

    public ISigningKey[] Keys { get; }

    public ValidatorSet Set { get; }

    public Validator[] Validators { get; }

    public static ProposalContent Content { get; } =
        new("model-bench", new byte[512], new byte[64], new Dictionary<string, double> { ["fidelity"] = 0.9 });

    public void Dispose()
    {
        foreach (var v in Validators)
        {
            v.Dispose();
        }

        foreach (var k in Keys)
        {
            k.Dispose();
        }
    }

    private static ISigningKey Clone(ISignatureScheme scheme, ISigningKey key)
    {
        var secret = new byte[scheme.PrivateKeySize];
        key.ExportPrivateKey(secret);
        return scheme.ImportPrivateKey(secret);
    }

    private sealed class FixedEvaluator(double score) : IQualityEvaluator
    {
        public string Name => "fixed";

        public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new QualityAssessment(score, Verdict.Accept));
    }
}
