using BenchmarkDotNet.Attributes;
using NexusZero.Inference.Proofs;
using NexusZero.Pipeline;
using NexusZero.Proofs;

namespace NexusZero.Benchmarks.Inference;

/// <summary>
/// Proof of inference with the post-quantum backend (Ligero-100) through the facade: prove and verify the Wine MLP
/// and the ~10k-parameter MLP, public and private weights. Proof sizes and peak memory come from
/// benchmarks/scripts/inference-mlp10k with the "pq" argument.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*InferencePostQuantumBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class InferencePostQuantumBenchmarks
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });
    private PostQuantumInferenceCircuit _circuit = null!;
    private PrivateWeightsOpening? _opening;
    private double[] _input = null!;
    private byte[] _proof = null!;
    private Statement _statement = null!;

    /// <summary>The model.</summary>
    [Params(InferenceModel.WineMlp, InferenceModel.Mlp10k)]
    public InferenceModel Model { get; set; }

    /// <summary>Public weights (circuit constants) or private committed ones.</summary>
    [Params(WeightVisibility.Public, WeightVisibility.Private)]
    public WeightVisibility Weights { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (model, inputs) = InferenceBenchmarkModels.Load(Model);
        _circuit = PostQuantumInferenceCircuit.Create(model, Weights);
        _opening = Weights == WeightVisibility.Private ? PrivateWeightsOpening.Create(model) : null;
        _input = inputs[0];
        var proof = Prove();
        _proof = proof.ToBytes();
        _statement = _circuit.Statement(proof.Claim);
    }

    [GlobalCleanup]
    public void Cleanup() => _opening?.Dispose();

    [Benchmark]
    public InferenceProof Prove() => Api.ProveInference(_circuit, _input, new InferenceProofOptions { Weights = _opening });

    [Benchmark]
    public VerificationResult Verify() => Api.Verify(_proof, _statement);
}
