using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>n validators with fresh P-256 keys; validator i scores 0.80 + 0.01·i and accepts.</summary>
internal sealed class Cluster : IDisposable
{
    public Cluster(int n, ulong epoch = 1, int[]? weights = null)
    {
        Keys = Enumerable.Range(0, n).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        Ids = Enumerable.Range(0, n).Select(i => $"v{i:D2}").ToArray();
        Set = ValidatorSet.Create(epoch, SignatureSchemes.Default, Enumerable.Range(0, n).Select(i => new ValidatorMember(Ids[i], Keys[i].PublicKey.Span, weights?[i] ?? 1)));
        Validators = Enumerable.Range(0, n)
            .Select(i => new Validator(Set, Ids[i], CloneKey(Keys[i]), [new FixedEvaluator(HonestScore(i), Verdict.Accept)]))
            .ToArray();
    }

    public ISigningKey[] Keys { get; }

    public string[] Ids { get; }

    public ValidatorSet Set { get; }

    public Validator[] Validators { get; }

    public static double HonestScore(int i) => 0.80 + (0.01 * i);

    public static ProposalContent Content(string model = "model-a") =>
        new(model, new byte[] { 1, 2, 3 }, "output"u8.ToArray(), new Dictionary<string, double> { ["fidelity"] = 0.9 });

    public static ISigningKey CloneKey(ISigningKey key)
    {
        var d = new byte[32];
        key.ExportPrivateKey(d);
        return SignatureSchemes.Default.ImportPrivateKey(d);
    }

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
}

/// <summary>An evaluator that always answers the same.</summary>
internal sealed class FixedEvaluator(double score, Verdict verdict) : IQualityEvaluator
{
    public string Name => "fixed";

    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new QualityAssessment(score, verdict, [$"fixed {score}"]));
}
