#!/usr/bin/env bash
# Classical: range-proof verification on ristretto255, the generic path (the verifier before the
# fixed-base tables) against the fixed-base path, as thread CPU time per verification (median and
# minimum of 15 rounds, the two paths alternating), for a machine shared with other work where wall
# times overstate single-threaded cost. Uses the public benchmark classes RangeVerifyPathBenchmarks
# and RangeBatchVerifyPathBenchmarks.
# Usage: benchmarks/scripts/range-verify-cpu-time.sh   (builds the benchmarks in Release first)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/benchmarks/NexusZero.Benchmarks/bin/Release/net10.0"
dotnet build "$root/benchmarks/NexusZero.Benchmarks" -c Release -v quiet >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/probe.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$bin/NexusZero.dll" />
    <Reference Include="$bin/NexusZero.Benchmarks.dll" />
    <Reference Include="$bin/BenchmarkDotNet.Annotations.dll" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/Program.cs" <<'CS'
using System.Runtime.InteropServices;
using NexusZero.Benchmarks.Classical;

static unsafe class Probe
{
    // CLOCK_THREAD_CPUTIME_ID: CPU time of this thread only (Linux).
    [DllImport("libc")]
    private static extern int clock_gettime(int clock, long* timespec);

    private static double CpuMilliseconds()
    {
        long* ts = stackalloc long[2];
        clock_gettime(3, ts);
        return (ts[0] * 1e3) + (ts[1] / 1e6);
    }

    private static void Compare(string label, Func<bool> before, Func<bool> after, int iterations)
    {
        var runs = new Dictionary<string, List<double>> { ["generic (before)"] = [], ["fixed-base (after)"] = [] };
        var paths = new Dictionary<string, Func<bool>> { ["generic (before)"] = before, ["fixed-base (after)"] = after };
        for (var round = 0; round < 15; round++)
        {
            foreach (var (name, path) in paths)
            {
                var start = CpuMilliseconds();
                for (var i = 0; i < iterations; i++)
                {
                    if (!path())
                    {
                        throw new InvalidOperationException($"{label} {name}: a proof did not verify.");
                    }
                }

                runs[name].Add((CpuMilliseconds() - start) / iterations);
            }
        }

        var medians = new Dictionary<string, double>();
        foreach (var (name, times) in runs)
        {
            times.Sort();
            medians[name] = times[times.Count / 2];
            Console.WriteLine($"{label,-10} {name,-20} median {medians[name],8:F3} ms CPU   min {times[0],8:F3} ms");
        }

        Console.WriteLine($"{label,-10} after/before {medians["fixed-base (after)"] / medians["generic (before)"]:F2}");
    }

    public static void Main()
    {
        foreach (var m in new[] { 1, 4, 16 })
        {
            var single = new RangeVerifyPathBenchmarks { Values = m };
            single.Setup();
            Compare($"m = {m}", single.GenericPath, single.FixedBasePath, m == 16 ? 3 : 10);
        }

        var batch = new RangeBatchVerifyPathBenchmarks();
        batch.Setup();
        Compare("batch 16", batch.GenericBatch16, batch.FixedBaseBatch16, 3);
    }
}
CS
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run --project "$work/probe.csproj" -c Release
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
