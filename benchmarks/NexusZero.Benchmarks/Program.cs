using BenchmarkDotNet.Running;
using NexusZero.Benchmarks.Compression;

if (args is ["lz4-engines", ..])
{
    Lz4EngineComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
