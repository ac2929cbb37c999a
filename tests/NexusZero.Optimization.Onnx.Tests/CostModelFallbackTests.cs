using Microsoft.ML.OnnxRuntime;
using NexusZero.Optimization.Onnx;
using NexusZero.Pipeline;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx.Tests;

/// <summary>Every way the cost model can be unusable ends in the heuristic's choice, with the reason in the proof's metrics.</summary>
public sealed class CostModelFallbackTests
{
    public static TheoryData<string> Cases => new(Broken.Keys);

    private static readonly Dictionary<string, (Func<OnnxCostModelOptimizer> Create, string Reason)> Broken = new()
    {
        ["missing file"] = (() => OnnxCostModelOptimizer.FromFile("/nonexistent/cost-model.onnx"), "does not exist"),
        ["empty"] = (() => OnnxCostModelOptimizer.FromBytes([]), "0 bytes"),
        ["malformed bytes"] = (() => OnnxCostModelOptimizer.FromBytes([.. Enumerable.Range(0, 300).Select(i => (byte)((i * 37) + 11))]), "refused"),
        ["truncated"] = (() => OnnxCostModelOptimizer.FromBytes(Models.Shipped()[..^40]), "refused"),
        ["too large"] = (() => OnnxCostModelOptimizer.FromBytes(new byte[OnnxCostModel.MaxModelBytes + 1]), "bytes; 1 to"),
        ["wrong input width"] = (() => OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(new float[5, 3], new float[3])), "was expected"),
        ["wrong output width"] = (() => OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(new float[CostFeatures.Count, 2], new float[2])), "was expected"),
        ["NaN output"] = (() => OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(new float[CostFeatures.Count, 3], [float.NaN, 1, 1])), "outside"),
        ["negative output"] = (() => OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(new float[CostFeatures.Count, 3], [-1, 1, 1], exp: false)), "outside"),
        ["out of range output"] = (() => OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(new float[CostFeatures.Count, 3], [1e12f, 1, 1], exp: false)), "outside"),
        ["native library missing"] = (() => OnnxCostModelOptimizer.FromBytes(Models.Shipped(), _ => throw new DllNotFoundException("libonnxruntime.so")), "not loadable"),
        ["runtime type initializer fails"] = (() => OnnxCostModelOptimizer.FromBytes(Models.Shipped(), _ => throw new TypeInitializationException("Microsoft.ML.OnnxRuntime.NativeMethods", null)), "not loadable"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_model_falls_back_to_the_heuristic_and_says_why(string name)
    {
        (Func<OnnxCostModelOptimizer> create, string reason) = Broken[name];
        OnnxCostModelOptimizer optimizer = create();
        var failure = Assert.Throws<NexusZeroException>(() => optimizer.Select(Models.Request(ModuleLweProofSystem.Instance, 128)));
        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, failure.Kind);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);

        (ModuleLweStatement statement, ModuleLweWitness witness) = Models.Instance();
        using (witness)
        {
            var pipeline = new ProofPipeline(ProtocolConfig.Default(), optimizer);
            ProofResult result = pipeline.Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness));
            Assert.True(result.Metrics.OptimizerFallback);
            Assert.Equal("heuristic", result.Metrics.OptimizerName);
            Assert.Contains("onnx-cost-model", result.Metrics.OptimizerFallbackReason, StringComparison.Ordinal);
            Assert.Contains(reason, result.Metrics.OptimizerFallbackReason, StringComparison.Ordinal);
            Assert.Equal(ModuleLweProofSystem.Instance.SelectDefaultParameters(statement, 128).Id, result.Envelope.ParameterSetId);
            Assert.True(pipeline.Verify(result.Envelope.ToBytes()).IsValid);
        }
    }

    [Fact]
    public void The_session_factory_seam_is_what_a_real_load_uses()
    {
        // The same bytes load when the factory is ONNX Runtime's own constructor.
        var optimizer = OnnxCostModelOptimizer.FromBytes(Models.Shipped(), bytes => new InferenceSession(bytes));
        Assert.True(optimizer.Select(Models.Request(ModuleLweProofSystem.Instance, 128)).SecurityBits >= 128);
    }
}
