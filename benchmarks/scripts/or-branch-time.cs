#:project ../../src/NexusZero/NexusZero.csproj
#:property PublishAot=false
// Issue #12: the OR prover's time must not depend on which branch the prover knows. Proves
// OR(dlog, linear[8]) over ristretto255 knowing one branch, then the other, alternating, and prints the
// median thread CPU time of each (CPU time, because this machine is shared).
// Run: dotnet run -c Release benchmarks/scripts/or-branch-time.cs [rounds]
using System.Diagnostics;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

int rounds = args.Length > 0 ? int.Parse(args[0]) : 100;
var g = Ristretto255Group.Instance;
var x = g.RandomScalar();
var dlog = new DiscreteLogStatement(g, g.MultiplyBase(x));
var h = PedersenGenerators.BlindingBase(g);
var values = Enumerable.Range(0, 8).Select(_ => g.RandomScalar()).ToArray();
var blindings = Enumerable.Range(0, 8).Select(_ => g.RandomScalar()).ToArray();
var coefficients = Enumerable.Range(0, 8).Select(_ => g.RandomScalar()).ToArray();
var commitments = values.Select((v, i) => g.MultiplyBase(v) + (blindings[i] * h)).ToArray();
var constant = g.ScalarZero;
for (int i = 0; i < 8; i++)
{
    constant += coefficients[i] * values[i];
}

var statement = SigmaCompositionStatement.AnyOf(dlog, new LinearRelationStatement(g, commitments, coefficients, constant));
var system = SigmaCompositionProofSystem.Instance;
var parameters = system.SelectDefaultParameters(statement, 128);
var knowDlog = new SigmaCompositionWitness(new DiscreteLogWitness(x), null);
var knowLinear = new SigmaCompositionWitness(null, new LinearRelationWitness(values, blindings));
var dlogTimes = new List<double>();
var linearTimes = new List<double>();
for (int round = 0; round < rounds + 10; round++)
{
    double a = CpuMs(() => system.Prove(statement, knowDlog, parameters, []));
    double b = CpuMs(() => system.Prove(statement, knowLinear, parameters, []));
    if (round >= 10)
    {
        dlogTimes.Add(a);
        linearTimes.Add(b);
    }
}

double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
Console.WriteLine($"OR(dlog, linear[8]) prove, median thread CPU over {rounds} alternating rounds: knowing dlog {Median(dlogTimes):F3} ms, knowing linear {Median(linearTimes):F3} ms, ratio {Median(linearTimes) / Median(dlogTimes):F3}");

static double CpuMs(Action action)
{
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    action();
    return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
}
