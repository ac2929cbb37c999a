using BenchmarkDotNet.Attributes;
using NexusZero.Optimization;
using NexusZero.Optimization.Onnx;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Benchmarks.Optimization;

/// <summary>One parameter selection by the ONNX cost model against the heuristic (the bar: ≤ 1 ms median).</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class CostModelSelectionBenchmarks
{
    private readonly OnnxCostModelOptimizer _onnx = new();
    private ParameterRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(new byte[32], 8, 7, 2);
        witness.Dispose();
        _request = new ParameterRequest(ModuleLweProofSystem.Instance, statement, 128);
        _onnx.Select(_request);
    }

    [Benchmark(Baseline = true)]
    public ParameterSet Heuristic() => HeuristicOptimizer.Instance.Select(_request);

    [Benchmark]
    public ParameterSet OnnxCostModel() => _onnx.Select(_request);
}
