#:project ../../src/NexusZero/NexusZero.csproj
#:property PublishAot=false
#:property AllowUnsafeBlocks=true

// Times NexusZero's secret-scalar ristretto255 base multiplication with the result encoded (the same
// work as libsodium's crypto_scalarmult_ristretto255_base) for compare-libsodium-basemul.sh.
// Prints one line per round: "<wall µs per op> <thread CPU µs per op>".
using System.Diagnostics;
using System.Runtime.InteropServices;
using NexusZero.Groups.Ristretto255;

int iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20000;
int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;

var group = Ristretto255Group.Instance;
var wide = new byte[64];
var output = new byte[32];
Random.Shared.NextBytes(wide);
using var k = (Ristretto255Scalar)group.ScalarFromUniformBytes(wide);
for (int i = 0; i < iterations / 10; i++)
{
    group.MultiplyBase(k).Encode(output);
}

for (int r = 0; r < rounds; r++)
{
    var wall = Stopwatch.StartNew();
    double cpuStart = ThreadCpu.Microseconds();
    for (int i = 0; i < iterations; i++)
    {
        group.MultiplyBase(k).Encode(output);
    }

    double cpu = ThreadCpu.Microseconds() - cpuStart;
    Console.WriteLine(FormattableString.Invariant($"{wall.Elapsed.TotalMicroseconds / iterations:F3} {cpu / iterations:F3}"));
}

/// <summary>CLOCK_THREAD_CPUTIME_ID: CPU time of this thread, which other processes on a busy machine do not inflate.</summary>
internal static unsafe partial class ThreadCpu
{
    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, long* timespec);

    internal static double Microseconds()
    {
        long* ts = stackalloc long[2];
        _ = ClockGetTime(3, ts);
        return (ts[0] * 1e6) + (ts[1] / 1e3);
    }
}
