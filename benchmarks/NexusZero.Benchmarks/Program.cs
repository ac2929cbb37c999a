using BenchmarkDotNet.Running;
using NexusZero.Benchmarks.Compression;

if (args is ["lz4-engines", ..])
{
    Lz4EngineComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

if (args is ["cost-model", string csv, string model, string summary, ..])
{
    NexusZero.Benchmarks.Optimization.CostModelMeasurement.Run(csv, model, summary, args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["cost-model-train", string trainCsv, string trainModel, string trainSummary])
{
    NexusZero.Benchmarks.Optimization.CostModelMeasurement.Train(trainCsv, trainModel, trainSummary);
    return;
}

if (args is ["cost-model-compare", ..])
{
    NexusZero.Benchmarks.Optimization.CostModelComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
    return;
}

if (args is ["ligero-quick", ..])
{
    // ligero-quick [LOG ...] [groth16] [runs=N] [set=NAME]: medians of N runs (default 3), every set unless one is named.
    var options = args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1], StringComparer.Ordinal);
    var sizes = args.Skip(1).Where(a => a != "groth16" && !a.Contains('=', StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    NexusZero.Benchmarks.Circuits.LigeroQuickMeasurement.Run(
        sizes.Length > 0 ? sizes : [12],
        args.Contains("groth16"),
        options.TryGetValue("runs", out var runs) ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 3,
        options.GetValueOrDefault("set"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
