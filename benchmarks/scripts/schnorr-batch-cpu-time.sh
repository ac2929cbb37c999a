#!/usr/bin/env bash
# Schnorr batch verification on a shared machine: CPU time per call of 64 proofs (ristretto255 or
# secp256k1) one by one and as one batch, measured in alternating rounds (same proofs), medians and the ratio. Wall
# time on a loaded 2-core machine favours the shorter call (it is preempted less often inside one
# call), so the ratio of CPU times is the fairer comparison there; wall medians are printed beside.
# Usage: benchmarks/scripts/schnorr-batch-cpu-time.sh [rounds] [ristretto255|secp256k1]
# (builds src/NexusZero in Release)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-15}"
group="${2:-ristretto255}"
case "$group" in
  ristretto255|secp256k1) ;;
  *) echo "unknown group '$group': expected ristretto255 or secp256k1" >&2; exit 2 ;;
esac
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
using NexusZero.Groups.Secp256k1;
using NexusZero.Proofs.Sigma;

var rounds = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
IPrimeOrderGroup group = args[1] == "secp256k1" ? Secp256k1Group.Instance : Ristretto255Group.Instance;
var schnorr = SchnorrProofSystem.Instance;
var parameters = schnorr.ParametersFor(group);
var items = new List<SigmaBatchItem>();
for (var i = 0; i < 64; i++)
{
    var x = group.RandomScalar();
    var statement = new DiscreteLogStatement(group, group.MultiplyBase(x));
    using var witness = new DiscreteLogWitness(x);
    items.Add(new SigmaBatchItem(statement, schnorr.Prove(statement, witness, parameters, []), ReadOnlyMemory<byte>.Empty));
}

bool OneByOne() => items.All(item => schnorr.Verify(item.Statement, item.Proof.Span, parameters, item.Context.Span).IsValid);
bool Batch() => SchnorrBatchVerifier.Verify(items, parameters).IsValid;
if (!OneByOne() || !Batch())
{
    throw new InvalidOperationException("The proofs must verify.");
}

// Warm up past tiered compilation.
for (var i = 0; i < 60; i++)
{
    OneByOne();
    Batch();
}

(double Cpu, double Wall) Measure(Func<bool> action, int iterations)
{
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        action();
    }

    process.Refresh();
    return ((process.TotalProcessorTime - cpu0).TotalMilliseconds / iterations, wall.Elapsed.TotalMilliseconds / iterations);
}

var one = new List<(double Cpu, double Wall)>();
var batch = new List<(double Cpu, double Wall)>();
for (var r = 0; r < rounds; r++)
{
    one.Add(Measure(OneByOne, 20));
    batch.Add(Measure(Batch, 60));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var oneCpu = Median(one.Select(m => m.Cpu));
var batchCpu = Median(batch.Select(m => m.Cpu));
var oneWall = Median(one.Select(m => m.Wall));
var batchWall = Median(batch.Select(m => m.Wall));
Console.WriteLine($"rounds {rounds}: median per call of 64 {group.Name} proofs");
Console.WriteLine($"one by one   cpu {oneCpu,8:F3} ms   wall {oneWall,8:F3} ms");
Console.WriteLine($"batch        cpu {batchCpu,8:F3} ms   wall {batchWall,8:F3} ms");
Console.WriteLine($"ratio        cpu {oneCpu / batchCpu,8:F2} x    wall {oneWall / batchWall,8:F2} x");
CS
dotnet run -c Release --project "$work/probe.csproj" -- "$rounds" "$group"
