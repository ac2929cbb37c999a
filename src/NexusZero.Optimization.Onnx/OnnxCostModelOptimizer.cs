using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using NexusZero.IO;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;
using NexusZero.Proofs.RangeProofs;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// A learned parameter optimizer: an ONNX model predicts, for every candidate parameter set that meets the
/// requested security level, the proving time, verification time and proof size on the machine it was trained
/// on, and the candidate minimising <see cref="Objective"/> is chosen. Candidates below the floor are removed
/// before the model runs and the choice is checked again after it, so no model, however wrong, can choose a
/// weaker set. When the model cannot be used (missing, malformed, wrong shapes, an output that is NaN, negative
/// or out of range, ONNX Runtime not loadable) <see cref="Select"/> throws and the pipeline falls back to the
/// heuristic, recording the reason in <see cref="Diagnostics.ProofMetrics.OptimizerFallbackReason"/>.
/// Proof systems with a single admissible set (Bulletproofs: one set per group; sigma protocols) get the
/// heuristic's answer, since there is nothing to choose. The shipped model is loaded once per process.
/// Thread-safe.
/// </summary>
public sealed class OnnxCostModelOptimizer : IParameterOptimizer
{
    private const string ResourceName = "NexusZero.Optimization.Onnx.cost-model.onnx";

    private static readonly Lazy<LoadResult> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<LoadResult> _model;

    /// <summary>An optimizer over the shipped model (embedded in this assembly, loaded on first use and shared).</summary>
    /// <param name="objective">What to minimise.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="objective"/> is not a defined value.</exception>
    public OnnxCostModelOptimizer(CostObjective objective = CostObjective.ProvingTime)
        : this(Shipped, objective)
    {
    }

    private OnnxCostModelOptimizer(Lazy<LoadResult> model, CostObjective objective)
    {
        if (!Enum.IsDefined(objective))
        {
            throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown cost objective.");
        }

        _model = model;
        Objective = objective;
    }

    /// <summary>What is minimised.</summary>
    public CostObjective Objective { get; }

    /// <inheritdoc />
    public string Name => "onnx-cost-model";

    /// <summary>
    /// An optimizer over the model in <paramref name="path"/> (read once, at most <see cref="OnnxCostModel.MaxModelBytes"/>
    /// bytes, on first use). A missing or unreadable file is not an error here: selections fail and the pipeline falls back.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static OnnxCostModelOptimizer FromFile(string path, CostObjective objective = CostObjective.ProvingTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new OnnxCostModelOptimizer(new Lazy<LoadResult>(() => LoadFile(path), LazyThreadSafetyMode.ExecutionAndPublication), objective);
    }

    /// <summary>An optimizer over the model <paramref name="model"/> (copied).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static OnnxCostModelOptimizer FromBytes(byte[] model, CostObjective objective = CostObjective.ProvingTime)
    {
        ArgumentNullException.ThrowIfNull(model);
        byte[] copy = (byte[])model.Clone();
        return new OnnxCostModelOptimizer(new Lazy<LoadResult>(() => Load(copy, null), LazyThreadSafetyMode.ExecutionAndPublication), objective);
    }

    /// <summary>As <see cref="FromBytes(byte[], CostObjective)"/> with ONNX Runtime's session constructor replaced (tests: a platform without the native library).</summary>
    internal static OnnxCostModelOptimizer FromBytes(byte[] model, Func<byte[], InferenceSession> sessionFactory, CostObjective objective = CostObjective.ProvingTime) =>
        new(new Lazy<LoadResult>(() => Load(model, sessionFactory), LazyThreadSafetyMode.ExecutionAndPublication), objective);

    /// <inheritdoc />
    /// <exception cref="NexusZeroException">
    /// The model cannot be used, or no candidate meets the level (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).
    /// </exception>
    public ParameterSet Select(ParameterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ProofSystem is not ModuleLweProofSystem lattice || request.Statement is not ModuleLweStatement statement)
        {
            return HeuristicOptimizer.Instance.Select(request);
        }

        CostCandidates.Entry candidates = CostCandidates.ModuleLwe(lattice, statement, request.SecurityLevel);
        if (candidates.Sets.Length == 0)
        {
            throw Failed($"no Module-LWE parameter set for {statement.K}×{statement.L}, η = {statement.Eta} reaches {request.SecurityLevel} bits");
        }

        Span<CostPrediction> predictions = candidates.Sets.Length <= 64 ? stackalloc CostPrediction[candidates.Sets.Length] : new CostPrediction[candidates.Sets.Length];
        Predict(candidates.Features, candidates.Sets.Length, predictions);
        int best = 0;
        for (int i = 1; i < predictions.Length; i++)
        {
            if (predictions[i].Score(Objective) < predictions[best].Score(Objective))
            {
                best = i;
            }
        }

        ModuleLweParameters chosen = candidates.Sets[best];

        // The candidates were filtered already; this check keeps the guarantee local to the return statement.
        return chosen.SecurityBits >= request.SecurityLevel
            ? chosen
            : throw Failed($"{chosen.Name} offers {chosen.SecurityBits} bits, below the requested {request.SecurityLevel}");
    }

    /// <summary>Predicts the cost of one Bulletproofs range proof of <paramref name="aggregated"/> values of <paramref name="bits"/> bits over <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">The shape is not one Bulletproofs supports.</exception>
    /// <exception cref="NexusZeroException">The model cannot be used (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public CostPrediction PredictRangeProof(Groups.IPrimeOrderGroup group, int bits, int aggregated)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (bits is not (8 or 16 or 32 or 64) || aggregated is not (1 or 2 or 4 or 8 or 16))
        {
            throw new ArgumentException($"Unsupported range proof shape: {bits} bits × {aggregated} values.", nameof(bits));
        }

        float[] row = new float[CostFeatures.Count];
        CostFeatures.RangeProof(group.Id, bits, aggregated, row);
        Span<CostPrediction> prediction = stackalloc CostPrediction[1];
        Predict(row, 1, prediction);
        return prediction[0];
    }

    /// <summary>
    /// The Bulletproofs aggregation size m (a power of two dividing <paramref name="valueCount"/>, at most
    /// <see cref="RangeStatement.MaxValues"/>) that minimises <see cref="Objective"/> for proving
    /// <paramref name="valueCount"/> values as <paramref name="valueCount"/>/m proofs of m values each.
    /// </summary>
    /// <exception cref="ArgumentException">No supported aggregation size divides <paramref name="valueCount"/>, or the bit size is unsupported.</exception>
    /// <exception cref="NexusZeroException">The model cannot be used (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public int ChooseAggregation(Groups.IPrimeOrderGroup group, int bits, int valueCount)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueCount);
        int best = 0;
        double bestScore = double.PositiveInfinity;
        for (int m = 1; m <= RangeStatement.MaxValues; m *= 2)
        {
            if (valueCount % m != 0)
            {
                continue;
            }

            double score = valueCount / m * PredictRangeProof(group, bits, m).Score(Objective);
            if (score < bestScore)
            {
                bestScore = score;
                best = m;
            }
        }

        return best > 0 ? best : throw new ArgumentException($"No aggregation size up to {RangeStatement.MaxValues} divides {valueCount}.", nameof(valueCount));
    }

    private static NexusZeroException Failed(string reason) => new(NexusZeroErrorKind.OptimizationFailed, $"The ONNX cost model could not choose: {reason}.");

    private static LoadResult LoadShipped()
    {
        using Stream? stream = typeof(OnnxCostModelOptimizer).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null
            ? new LoadResult(null, $"the shipped cost model ({ResourceName}) is missing from {typeof(OnnxCostModelOptimizer).Assembly.GetName().Name}")
            : Load(BoundedFile.ReadAllBytes(stream, OnnxCostModel.MaxModelBytes, "shipped cost model"), null);
    }

    private static LoadResult LoadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = BoundedFile.ReadAllBytes(path, OnnxCostModel.MaxModelBytes, "cost model file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return new LoadResult(null, ex.Message);
        }

        return Load(bytes, null);
    }

    private static LoadResult Load(byte[] bytes, Func<byte[], InferenceSession>? sessionFactory) =>
        OnnxCostModel.TryLoad(bytes, out OnnxCostModel? model, out string? error, sessionFactory)
            ? new LoadResult(model, null)
            : new LoadResult(null, error);

    private void Predict(float[] features, int rows, Span<CostPrediction> predictions)
    {
        LoadResult loaded = _model.Value;
        if (loaded.Model is null)
        {
            throw Failed(loaded.Error!);
        }

        if (!loaded.Model.TryPredict(features, rows, predictions, out string? error))
        {
            throw Failed(error);
        }
    }

    private sealed record LoadResult(OnnxCostModel? Model, string? Error);
}
