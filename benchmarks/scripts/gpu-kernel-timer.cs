#:project ../../src/NexusZero.Accelerators.Ilgpu/NexusZero.Accelerators.Ilgpu.csproj
#:property PublishAot=false
#:property AssemblyName=NexusZero.Benchmarks
#:property TieredCompilation=false
// Timings of the compute seam with Stopwatch (best of a few runs): the CPU path called directly (the code before the
// seam) against the same call through the seam, and the accelerator against the CPU on one machine, with the ratio and
// the measured crossover size for ComputeOptions.MsmThreshold / NttThreshold. The assembly takes the benchmark
// project's name so that the internals are visible to it.
// Run: dotnet run -c Release benchmarks/scripts/gpu-kernel-timer.cs -- [seam|cuda|cpu-accelerator] [maxLog] [groth16Log]
// (groth16Log, when given, also times a Groth16 prove of 2^groth16Log multiplication constraints end to end, the
// accelerator allowed secret scalars.)
using System.Diagnostics;
using NexusZero.Accelerators.Ilgpu;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;
using NexusZero.Compute;
using NexusZero.Groups.Bn254;
using NexusZero.Lattices;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;

var mode = args.Length > 0 ? args[0] : "seam";
var maxLog = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
var random = new Random(1);
var bytes = new byte[32];

Fr Scalar()
{
    random.NextBytes(bytes);
    return Fr.FromBigEndianReduced(bytes);
}

Fr[] Scalars(int count) => Enumerable.Range(0, count).Select(_ => Scalar()).ToArray();

// Consecutive multiples k·G, (k+1)·G, … in parallel chunks: cheap to make (one addition a point), fine for timing.
G1Point[] Points(int count)
{
    var points = new G1Point[count];
    var chunk = Math.Max(1, count / Environment.ProcessorCount);
    var starts = Enumerable.Range(0, (count + chunk - 1) / chunk).Select(_ => Scalar()).ToArray();
    Parallel.For(0, starts.Length, c =>
    {
        var p = Bn254Encoding.G1Generator.Multiply(starts[c]);
        for (var i = c * chunk; i < Math.Min(count, (c + 1) * chunk); i++)
        {
            points[i] = p;
            p += Bn254Encoding.G1Generator;
        }
    });
    return points;
}

double Best(Action action, int runs)
{
    action();
    var best = double.MaxValue;
    for (var run = 0; run < runs; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
    }

    return best;
}

int Runs(int log) => log >= 18 ? 2 : 4;

// Direct and through-the-seam timings interleaved over three rounds, the best of each kept, so that load from other
// processes on the machine falls on both alike.
(double Direct, double Seam) Pair(Action direct, Action seam, int runs)
{
    double bestDirect = double.MaxValue, bestSeam = double.MaxValue;
    for (var round = 0; round < 3; round++)
    {
        bestDirect = Math.Min(bestDirect, Best(direct, runs));
        bestSeam = Math.Min(bestSeam, Best(seam, runs));
    }

    return (bestDirect, bestSeam);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; mode {mode}");

if (mode == "seam")
{
    // Before/after of routing through the seam on the CPU: the same CPU code, called directly and through the router.
    var router = new ComputeRouter(ComputeOptions.Cpu);
    foreach (var log in new[] { 10, 14 })
    {
        var n = 1 << log;
        var k = Scalars(n);
        var p = Points(n);
        var (direct, seam) = Pair(() => Pippenger.Multiply<Fp, G1Curve>(k, p), () => router.MultiplyG1(k, p, DataSecrecy.Secret), 3);
        Console.WriteLine($"G1 MSM 2^{log}: direct {direct:F2} ms, through the seam {seam:F2} ms ({seam / direct:F3}x)");
    }

    foreach (var log in new[] { 12, 16 })
    {
        var domain = new FrDomain(log);
        var values = Scalars(domain.Size);
        var (direct, seam) = Pair(() => domain.Forward(values), () => router.TransformFr(domain, values, FrTransform.Forward, DataSecrecy.Secret), 5);
        Console.WriteLine($"Fr NTT 2^{log}: direct {direct:F3} ms, through the seam {seam:F3} ms ({seam / direct:F3}x)");
    }

    foreach (var count in new[] { 4, 256 })
    {
        var polynomials = new int[count * Polynomial.N];
        var (direct, seam) = Pair(
            () =>
            {
                for (var i = 0; i < count; i++)
                {
                    Ntt.Forward(polynomials.AsSpan(i * Polynomial.N, Polynomial.N));
                }
            },
            () => router.LatticeForward(polynomials, DataSecrecy.Secret),
            9);
        Console.WriteLine($"lattice NTT x{count}: direct {direct * 1000:F1} us, through the seam {seam * 1000:F1} us ({seam / direct:F3}x)");
    }

    return;
}

using var accelerator = mode == "cuda"
    ? IlgpuComputeBackend.TryCreateCuda() ?? throw new InvalidOperationException("No CUDA device found.")
    : IlgpuComputeBackend.CreateCpuAccelerator();
var cpu = ComputeBackend.Cpu;
Console.WriteLine($"accelerator: {accelerator.Name} (device: {accelerator.IsDeviceAccelerated})");

void Report(string name, IEnumerable<(string Size, int Elements, double Cpu, double Device)> rows)
{
    int? crossover = null;
    foreach (var (size, elements, cpuMs, deviceMs) in rows)
    {
        var ratio = cpuMs / deviceMs;
        Console.WriteLine($"{name} {size}: cpu {cpuMs:F2} ms, {accelerator.Name} {deviceMs:F2} ms, speed-up {ratio:F2}x");
        if (ratio > 1 && crossover is null)
        {
            crossover = elements;
        }
    }

    Console.WriteLine(crossover is null ? $"{name}: the accelerator was not faster at any size tried" : $"{name}: measured crossover at {crossover} elements (set as the threshold)");
}

IEnumerable<(string, int, double, double)> Msm()
{
    for (var log = 10; log <= maxLog; log += 2)
    {
        var n = 1 << log;
        var k = Scalars(n);
        var p = Points(n);
        var expected = cpu.MultiplyG1(k, p);
        if (accelerator.MultiplyG1(k, p).ToAffine() != expected.ToAffine())
        {
            throw new InvalidOperationException($"G1 MSM 2^{log}: the accelerator's result differs from the CPU's.");
        }

        yield return ($"2^{log}", n, Best(() => cpu.MultiplyG1(k, p), Runs(log)), Best(() => accelerator.MultiplyG1(k, p), Runs(log)));
    }
}

IEnumerable<(string, int, double, double)> Ristretto()
{
    for (var log = 10; log <= Math.Min(maxLog, 18); log += 2)
    {
        var n = 1 << log;
        var k = Enumerable.Range(0, n).Select(_ => { random.NextBytes(bytes); return NexusZero.Groups.Ristretto255.Scalar.FromBytesModOrder(bytes); }).ToArray();
        var start = NexusZero.Groups.Ristretto255.ScalarMultiplication.MultiplyBase(k[0]);
        var p = new NexusZero.Groups.Ristretto255.EdwardsPoint[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = start;
            start = start.Add(NexusZero.Groups.Ristretto255.EdwardsPoint.BasePoint);
        }

        var expected = cpu.MultiplyRistretto(k, p);
        if (NexusZero.Groups.Ristretto255.RistrettoEncoding.AreEquivalent(accelerator.MultiplyRistretto(k, p), expected) == 0)
        {
            throw new InvalidOperationException($"ristretto255 MSM 2^{log}: the accelerator's result differs from the CPU's.");
        }

        yield return ($"2^{log}", n, Best(() => cpu.MultiplyRistretto(k, p), Runs(log)), Best(() => accelerator.MultiplyRistretto(k, p), Runs(log)));
    }
}

IEnumerable<(string, int, double, double)> FrNtt()
{
    for (var log = 10; log <= maxLog; log += 2)
    {
        var domain = new FrDomain(log);
        var values = Scalars(domain.Size);
        yield return ($"2^{log}", domain.Size, Best(() => cpu.TransformFr(domain, values, FrTransform.Forward), Runs(log)), Best(() => accelerator.TransformFr(domain, values, FrTransform.Forward), Runs(log)));
    }
}

IEnumerable<(string, int, double, double)> Lattice()
{
    for (var count = 16; count <= Math.Min(4096, 1 << (maxLog - 8)); count *= 4)
    {
        var polynomials = Enumerable.Range(0, count * Polynomial.N).Select(_ => random.Next(-8380416, 8380417)).ToArray();
        yield return ($"x{count}", count * Polynomial.N, Best(() => cpu.LatticeForward(polynomials), 4), Best(() => accelerator.LatticeForward(polynomials), 4));
    }
}

if (args.Length > 2)
{
    var log = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    BuiltCircuit Chain(CircuitBuilder builder, ulong x)
    {
        var value = builder.Witness(FieldElement.FromUInt64(x));
        var product = value;
        for (var i = 0; i < (1 << log) - 2; i++)
        {
            product = builder.Multiply(product, value);
        }

        builder.PublicOutput("y", product);
        return builder.Build();
    }

    var key = Groth16DevelopmentSetup.CreateKeys(Chain(CircuitBuilder.ForSetup(), 0).System);
    var circuit = Chain(CircuitBuilder.ForProving(), 3);
    var cpuProve = Best(() => Groth16Prover.Prove(key, circuit.System, circuit.Witness), 2);
    double deviceProve;
    using (var scope = ComputeScope.Begin(new ComputeOptions { Mode = ComputeMode.Accelerator, Accelerator = accelerator, AllowSecretScalars = true }))
    {
        deviceProve = Best(() => Groth16Prover.Prove(key, circuit.System, circuit.Witness), 2);
        Console.WriteLine($"(seam report: {scope.Report})");
    }

    Console.WriteLine($"Groth16 prove 2^{log} constraints: cpu {cpuProve:F0} ms, with {accelerator.Name} {deviceProve:F0} ms, speed-up {cpuProve / deviceProve:F2}x");
}

Report("G1 MSM", Msm());
Report("ristretto255 MSM", Ristretto());
Report("Fr NTT", FrNtt());
Report("lattice NTT batch", Lattice());
