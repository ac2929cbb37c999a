#:project ../../src/NexusZero/NexusZero.csproj
#:property PublishAot=false
#:property AssemblyName=NexusZero.Benchmarks
// BN254 arithmetic timings with Stopwatch (best of 5 batches), for before/after comparisons of the field, pairing and
// MSM code in one run (bn254-before-after.sh builds this file against two commits). The assembly takes the
// benchmark project's name so that the core's internals are visible to it.
// Run: dotnet run -c Release benchmarks/scripts/bn254-arithmetic-timer.cs
using System.Diagnostics;
using NexusZero.Groups.Bn254;

var random = new Random(1);
var bytes = new byte[32];
Fr Scalar()
{
    random.NextBytes(bytes);
    return Fr.FromBigEndianReduced(bytes);
}

double Best(Action action, int repetitions)
{
    action();
    var best = double.MaxValue;
    for (var batch = 0; batch < 5; batch++)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            action();
        }

        best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds / repetitions);
    }

    return best;
}

var a = Fp.FromUInt64(0x1234567890abcdef) * Fp.FromUInt64(0x7777777777777777);
var b = Fp.FromUInt64(0x9234567890abcdef) * a;
var x = a;
Console.WriteLine($"Fp multiplication (dependent chain): {Best(() => { for (var i = 0; i < 1_000_000; i++) { x *= b; } }, 3) * 1e6 / 1_000_000:F1} ns");
var p = Bn254Encoding.G1Generator.Multiply(Scalar());
var q = Bn254Encoding.G2Generator.Multiply(Scalar());
Console.WriteLine($"pairing: {Best(() => Bn254Pairing.Pair(p, q), 20):F2} ms");
var four = new[] { (p, q), (p.Double(), q), (p, q.Double()), (p.Double(), q.Double()) };
Console.WriteLine($"4-pairing check: {Best(() => Bn254Pairing.Check(four), 20):F2} ms");
var g2 = Bn254Encoding.G2Generator.Multiply(Scalar());
Console.WriteLine($"G2 subgroup check: {Best(() => Bn254Encoding.IsInG2Subgroup(g2), 20):F2} ms");
foreach (var n in new[] { 1 << 10, 1 << 16 })
{
    var scalars = Enumerable.Range(0, n).Select(_ => Scalar()).ToArray();
    var g1Step = Bn254Encoding.G1Generator.Multiply(Scalar());
    var g2Step = Bn254Encoding.G2Generator.Multiply(Scalar());
    var g1 = new ProjectivePoint<Fp, G1Curve>[n];
    var g2Points = new ProjectivePoint<Fp2, G2Curve>[n];
    var g1Sum = g1Step;
    var g2Sum = g2Step;
    for (var i = 0; i < n; i++)
    {
        g1[i] = g1Sum = g1Sum + g1Step;
        g2Points[i] = g2Sum = g2Sum + g2Step;
    }

    var rounds = n > 5000 ? 1 : 5;
    Console.WriteLine($"G1 MSM 2^{Math.Log2(n)}: {Best(() => Pippenger.Multiply<Fp, G1Curve>(scalars, g1), rounds):F1} ms");
    Console.WriteLine($"G2 MSM 2^{Math.Log2(n)}: {Best(() => Pippenger.Multiply<Fp2, G2Curve>(scalars, g2Points), rounds):F1} ms");
}

var domain = new FrDomain(16);
var values = Enumerable.Range(0, domain.Size).Select(_ => Scalar()).ToArray();
Console.WriteLine($"FFT 2^16: {Best(() => domain.Forward(values), 3):F1} ms");
