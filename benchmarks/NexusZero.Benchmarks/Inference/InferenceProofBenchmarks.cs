using BenchmarkDotNet.Attributes;
using NexusZero.Inference.Proofs;
using NexusZero.Pipeline;
using NexusZero.Proofs;

namespace NexusZero.Benchmarks.Inference;

/// <summary>
/// Proof of inference with Groth16 through the facade: prove (quantized evaluation, witness, proof, envelope) and
/// verify, for each model with public and with private committed weights. The key's setup runs once per case, in
/// the global setup. Proof sizes and peak memory, which BenchmarkDotNet does not report, come from
/// benchmarks/scripts/inference-mlp10k (one case per process).
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*InferenceProofBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class InferenceProofBenchmarks
{
    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });
    private InferenceCircuitKeys _keys = null!;
    private PrivateWeightsOpening? _opening;
    private double[] _input = null!;
    private byte[] _proof = null!;
    private Statement _statement = null!;

    /// <summary>The model.</summary>
    [Params(InferenceModel.WineMlp, InferenceModel.DigitsCnn, InferenceModel.Mlp10k)]
    public InferenceModel Model { get; set; }

    /// <summary>Public weights (circuit constants) or private committed ones.</summary>
    [Params(WeightVisibility.Public, WeightVisibility.Private)]
    public WeightVisibility Weights { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (model, inputs) = InferenceBenchmarkModels.Load(Model);
        _keys = InferenceCircuitKeys.CreateWithLocalSetup(model, Weights);
        _opening = Weights == WeightVisibility.Private ? PrivateWeightsOpening.Create(model) : null;
        _input = inputs[0];
        var proof = Prove();
        _proof = proof.ToBytes();
        _statement = _keys.Statement(proof.Claim);
    }

    [GlobalCleanup]
    public void Cleanup() => _opening?.Dispose();

    [Benchmark]
    public InferenceProof Prove() => Api.ProveInference(_keys, _input, new InferenceProofOptions { Weights = _opening });

    [Benchmark]
    public VerificationResult Verify() => Api.Verify(_proof, _statement);
}
