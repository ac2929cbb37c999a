using NexusZero.Groups.Ristretto255;
using NexusZero.Optimization.Onnx;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx.Tests;

public sealed class OnnxCostModelOptimizerTests
{
    [Theory]
    [InlineData(4, 4, 2, 128)]
    [InlineData(5, 4, 2, 128)]
    [InlineData(6, 5, 4, 192)]
    [InlineData(8, 7, 2, 256)]
    public void The_shipped_model_runs_and_chooses_a_set_at_or_above_the_level(int k, int l, int eta, int level)
    {
        foreach (CostObjective objective in Enum.GetValues<CostObjective>())
        {
            var optimizer = new OnnxCostModelOptimizer(objective);
            var chosen = (ModuleLweParameters)optimizer.Select(Models.Request(ModuleLweProofSystem.Instance, level, k, l, eta));
            Assert.True(chosen.SecurityBits >= level, $"{chosen.Name}: {chosen.SecurityBits} bits");
            Assert.True(ModuleLweProofSystem.Instance.Accepts(chosen));
        }
    }

    [Fact]
    public void The_shipped_model_predicts_proof_sizes_it_was_fitted_on()
    {
        // A real ONNX Runtime session on this platform: the proof-size column is an exact log-linear law.
        var optimizer = new OnnxCostModelOptimizer(CostObjective.ProofSize);
        CostPrediction prediction = optimizer.PredictRangeProof(Ristretto255Group.Instance, 64, 4);
        int actual = Proofs.RangeProofs.BulletproofsRangeProofSystem.ProofLength(Ristretto255Group.Instance, 64, 4);
        Assert.InRange(prediction.ProofBytes, actual * 0.98, actual * 1.02);
        Assert.True(prediction.ProvingMicroseconds > 0 && prediction.VerificationMicroseconds > 0);
        Assert.Equal(16, optimizer.ChooseAggregation(Ristretto255Group.Instance, 64, 16));
    }

    [Fact]
    public void The_proof_size_objective_picks_the_smallest_candidate()
    {
        var request = Models.Request(ModuleLweProofSystem.Instance, 128);
        var chosen = (ModuleLweParameters)new OnnxCostModelOptimizer(CostObjective.ProofSize).Select(request);
        int smallest = CostCandidates.ModuleLwe(ModuleLweProofSystem.Instance, (ModuleLweStatement)request.Statement, 128).Sets.Min(ModuleLweProofSystem.ProofLength);
        Assert.Equal(smallest, ModuleLweProofSystem.ProofLength(chosen));
    }

    [Theory]
    [InlineData(128)]
    [InlineData(192)]
    [InlineData(256)]
    public void A_hostile_model_that_scores_weak_sets_best_still_gets_a_set_at_the_level(int level)
    {
        // Cheapest = largest γ1 (weakest Module-SIS) and smallest τ (smallest challenge space), and a registered
        // 9-bit set (τ = 1) the system accepts: the model would pick it if it ever saw it.
        float[,] weights = new float[CostFeatures.Count, 3];
        for (int output = 0; output < 3; output++)
        {
            weights[0, output] = 10;
            weights[3, output] = -3;
            weights[5, output] = 8;
        }

        ModuleLweParameters weak = ModuleLweParameters.Create(8, 7, 19, 1);
        ModuleLweProofSystem system = ModuleLweProofSystem.Instance.WithParameterSets(weak);
        Assert.True(system.Accepts(weak) && weak.SecurityBits < 128);
        var hostile = OnnxCostModelOptimizer.FromBytes(OnnxModelWriter.LinearModel(weights, new float[3]));
        var request = Models.Request(system, level, 8, 7, 2);
        var chosen = (ModuleLweParameters)hostile.Select(request);
        Assert.True(chosen.SecurityBits >= level, $"{chosen.Name}: {chosen.SecurityBits} bits");
        Assert.NotEqual(weak, chosen);

        // The model was obeyed within the floor: it got the largest γ1 among the admissible sets.
        int largest = CostCandidates.ModuleLwe(system, (ModuleLweStatement)request.Statement, level).Sets.Max(s => s.Gamma1Bits);
        Assert.Equal(largest, chosen.Gamma1Bits);
        Assert.All(CostCandidates.ModuleLwe(system, (ModuleLweStatement)request.Statement, level).Sets, s => Assert.True(s.SecurityBits >= level));
    }

    [Fact]
    public void The_pipeline_records_the_cost_model_as_the_optimizer()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = Models.Instance();
        using (witness)
        {
            var pipeline = new ProofPipeline(ProtocolConfig.Default(), new OnnxCostModelOptimizer());
            ProofResult result = pipeline.Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness));
            Assert.False(result.Metrics.OptimizerFallback, result.Metrics.OptimizerFallbackReason);
            Assert.Equal("onnx-cost-model", result.Metrics.OptimizerName);
            Assert.True(pipeline.Verify(result.ToBytes()).IsValid);
        }
    }

    [Fact]
    public void The_writer_output_computes_exp_of_features_times_weights()
    {
        float[,] weights = new float[CostFeatures.Count, 3];
        weights[0, 0] = 1;
        weights[1, 1] = 2;
        weights[2, 2] = 0.5f;
        Assert.True(OnnxCostModel.TryLoad(OnnxModelWriter.LinearModel(weights, [0.25f, 0, 0]), out OnnxCostModel? model, out string? error), error);
        using (model)
        {
            float[] features = new float[2 * CostFeatures.Count];
            features[0] = 1;
            features[1] = 2;
            features[2] = 4;
            features[CostFeatures.Count + 1] = 1;
            var predictions = new CostPrediction[2];
            Assert.True(model.TryPredict(features, 2, predictions, out error), error);
            Assert.Equal(Math.Exp(1.25), predictions[0].ProvingMicroseconds, 4);
            Assert.Equal(Math.Exp(4), predictions[0].VerificationMicroseconds, 3);
            Assert.Equal(Math.Exp(2), predictions[0].ProofBytes, 4);
            Assert.Equal(Math.Exp(2), predictions[1].VerificationMicroseconds, 4);
            Assert.Equal(Math.Exp(0.25), predictions[1].ProvingMicroseconds, 4);
        }
    }

    [Fact]
    public void Concurrent_selections_share_one_session_and_agree()
    {
        var optimizer = new OnnxCostModelOptimizer();
        var request = Models.Request(ModuleLweProofSystem.Instance, 128);
        ushort expected = optimizer.Select(request).Id;
        var ids = new System.Collections.Concurrent.ConcurrentBag<ushort>();
        Parallel.For(0, 200, _ => ids.Add(optimizer.Select(request).Id));
        Assert.All(ids, id => Assert.Equal(expected, id));
    }

    [Fact]
    public void Other_proof_systems_get_the_heuristic_answer()
    {
        var optimizer = new OnnxCostModelOptimizer();
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxCostModelOptimizer((CostObjective)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.ChooseAggregation(Ristretto255Group.Instance, 64, 0));
        Assert.Throws<ArgumentException>(() => optimizer.PredictRangeProof(Ristretto255Group.Instance, 12, 1));
        var group = Ristretto255Group.Instance;
        var commitment = Proofs.Sigma.PedersenGenerators.Commit(group.RandomScalar(), group.RandomScalar());
        var range = Proofs.RangeProofs.RangeStatement.ForValues(group, [commitment], 64);
        var system = Proofs.RangeProofs.BulletproofsRangeProofSystem.Instance;
        Assert.Equal(system.SelectDefaultParameters(range, 128), optimizer.Select(new ParameterRequest(system, range, 128)));
    }
}
