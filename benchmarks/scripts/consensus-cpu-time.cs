#:project ../../src/NexusZero.Consensus/NexusZero.Consensus.csproj
#:property PublishAot=false
// CPU time (not wall time) per consensus operation: on a machine shared with other busy processes the wall
// time mostly measures waiting for a core, while process CPU time stays close to what an idle core needs.
// Run: dotnet run -c Release benchmarks/scripts/consensus-cpu-time.cs
using System.Diagnostics;
using NexusZero.Consensus;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

var keys = Enumerable.Range(0, 7).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
var set = ValidatorSet.Create(1, SignatureSchemes.Default, keys.Select((k, i) => new ValidatorMember($"v{i}", k.PublicKey.Span)));
var validators = keys.Select((k, i) =>
{
    var d = new byte[32];
    k.ExportPrivateKey(d);
    return new Validator(set, $"v{i}", SignatureSchemes.Default.ImportPrivateKey(d), [new Fixed(0.8)]);
}).ToArray();
var client = new InProcessConsensusClient(set, validators);
var content = new ProposalContent("model-bench", new byte[512], new byte[64], new Dictionary<string, double> { ["fidelity"] = 0.9 });
var certificate = (await client.ProposeAsync(content)).Certificate!;

Measure("vote sign", 2000, () => SignedVote.Create(certificate.Votes[0].Vote, keys[0], set));
Measure("vote verify", 2000, () => certificate.Votes[0].Verify(set));
Measure("certificate verify n=7", 300, () => CertificateVerifier.Verify(certificate, set));
Measure("in-process round n=7", 200, () => client.ProposeAsync(content).GetAwaiter().GetResult());

static void Measure(string name, int count, Action action)
{
    for (var i = 0; i < count / 10; i++)
    {
        action();
    }

    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        action();
    }

    wall.Stop();
    process.Refresh();
    var cpuPerOp = (process.TotalProcessorTime - cpu).TotalMilliseconds / count;
    Console.WriteLine($"{name,-26} CPU {cpuPerOp,8:0.000} ms/op   wall {wall.Elapsed.TotalMilliseconds / count,8:0.000} ms/op   ({count} ops)");
}

internal sealed class Fixed(double score) : IQualityEvaluator
{
    public string Name => "fixed";

    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new QualityAssessment(score, Verdict.Accept));
}
