#!/usr/bin/env bash
# Classical proofs: CPU time per operation (process CPU time / iterations) beside wall time, for a
# machine shared with other work, where wall-clock benchmarks overstate single-threaded cost.
# Usage: benchmarks/scripts/classical-cpu-time.sh   (builds src/NexusZero in Release first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build "$root/src/NexusZero" -c Release -v quiet >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/probe.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$root/src/NexusZero/bin/Release/net10.0/NexusZero.dll" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/Program.cs" <<'CS'
using System.Diagnostics;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

var group = Ristretto255Group.Instance;
var range = BulletproofsRangeProofSystem.Instance;
var rangeParameters = range.ParametersFor(group);
var schnorr = SchnorrProofSystem.Instance;
var schnorrParameters = schnorr.ParametersFor(group);

(RangeStatement, RangeWitness, byte[]) Range(int m)
{
    var values = Enumerable.Range(0, m).Select(_ => (ulong)Random.Shared.NextInt64()).ToArray();
    var blindings = values.Select(_ => group.RandomScalar()).ToArray();
    var statement = RangeStatement.ForValues(group, values.Select((v, i) => PedersenGenerators.Commit(v, blindings[i])).ToArray(), 64);
    var witness = new RangeWitness(values, blindings);
    return (statement, witness, range.Prove(statement, witness, rangeParameters, []));
}

var items = new List<SigmaBatchItem>();
for (var i = 0; i < 64; i++)
{
    var x = group.RandomScalar();
    var statement = new DiscreteLogStatement(group, group.MultiplyBase(x));
    using var witness = new DiscreteLogWitness(x);
    items.Add(new SigmaBatchItem(statement, schnorr.Prove(statement, witness, schnorrParameters, []), ReadOnlyMemory<byte>.Empty));
}

void Measure(string name, int iterations, Action action)
{
    action();
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        action();
    }

    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / iterations;
    Console.WriteLine($"{name,-34} cpu {cpu,9:F3} ms   wall {wall.Elapsed.TotalMilliseconds / iterations,9:F3} ms");
}

foreach (var m in new[] { 1, 4, 16 })
{
    var (statement, witness, proof) = Range(m);
    Measure($"range n=64 m={m} prove", m == 16 ? 3 : 10, () => range.Prove(statement, witness, rangeParameters, []));
    Measure($"range n=64 m={m} verify", 20, () => range.Verify(statement, proof, rangeParameters, []));
}

Measure("schnorr 64 one by one", 10, () => items.ForEach(item => schnorr.Verify(item.Statement, item.Proof.Span, schnorrParameters, item.Context.Span)));
Measure("schnorr 64 batch", 10, () => SchnorrBatchVerifier.Verify(items, schnorrParameters));
CS
dotnet run -c Release --project "$work/probe.csproj"
