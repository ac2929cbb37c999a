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
    var sizes = args.Skip(1).Where(a => a != "groth16").Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    NexusZero.Benchmarks.Circuits.LigeroQuickMeasurement.Run(sizes.Length > 0 ? sizes : [12], args.Contains("groth16"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
