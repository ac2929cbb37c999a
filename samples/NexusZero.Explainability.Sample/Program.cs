using System.Globalization;
using NexusZero.Explainability;
using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Plots;
using NexusZero.Explainability.Quality;
using NexusZero.Explainability.Sample;
using NexusZero.Explainability.Shap;

// Explains a small credit-scoring model (probability that an applicant repays) with several methods,
// compares them, scores their quality, searches counterfactuals for a rejected applicant and writes SVG plots.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outputDirectory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "nexuszero-explainability-sample");
Directory.CreateDirectory(outputDirectory);

// The model travels as a JSON file in the documented dense-model format; write it and load it back.
string modelPath = Path.Combine(outputDirectory, "credit-model.json");
File.WriteAllText(modelPath, DenseModelJson.Serialize(CreditModel.Create()));
var model = DenseModelJson.Load(modelPath);
var applicants = CreditModel.Applicants(count: 1000, seed: 7);
var background = BackgroundData.Sample(applicants, maxRows: 100, seed: 1);
var summary = BackgroundData.KMeansSummary(applicants, clusters: 20, seed: 1);
Console.WriteLine($"Model: {string.Join(", ", model.InputNames!)} -> {model.OutputNames![0]}");
Console.WriteLine($"Background: {background.RowCount} sampled rows (a 20-centroid k-means summary is also available: {summary.RowCount} weighted rows)");

double[] applicant = [46, 0.42, 33, 2, 6, 5, 4, 28];
var prediction = new double[1];
model.Predict(applicant, 1, prediction);
Console.WriteLine($"Applicant: {string.Join(", ", model.InputNames!.Zip(applicant, (n, v) => $"{n}={v}"))}");
Console.WriteLine($"P(repay) = {prediction[0]:F4}");
Console.WriteLine();

var options = new ExplainerOptions { Seed = 42 };
var exact = new ExactShapExplainer(model, background, options).Explain([applicant]);
var kernel = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 42 }).Explain([applicant]);
var permutation = new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 42 }).Explain([applicant]);
var limeExplainer = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 42, FeatureSelection = LimeFeatureSelection.None });
var lime = limeExplainer.Explain([applicant]);
var limeDetails = limeExplainer.ExplainDetailed([applicant])[0];

Console.WriteLine($"{"feature",-22}{"exact",11}{"kernel",11}{"± se",9}{"permutation",13}{"lime",11}");
foreach (int f in Enumerable.Range(0, exact.FeatureCount).OrderByDescending(f => Math.Abs(exact.GetValue(0, f))))
{
    Console.WriteLine($"{exact.FeatureNames[f],-22}{exact.GetValue(0, f),11:+0.0000;-0.0000}{kernel.GetValue(0, f),11:+0.0000;-0.0000}{kernel.GetStandardError(0, f),9:0.0000}{permutation.GetValue(0, f),13:+0.0000;-0.0000}{lime.GetValue(0, f),11:+0.0000;-0.0000}");
}

Console.WriteLine($"{"base value",-22}{exact.GetBaseValue(0),11:0.0000}{kernel.GetBaseValue(0),11:0.0000}{"",9}{permutation.GetBaseValue(0),13:0.0000}{lime.GetBaseValue(0),11:0.0000}");
Console.WriteLine();

var agreement = ExplanationAggregator.Compare([exact, kernel, permutation, lime], topK: 3);
foreach (var pair in agreement.Pairs)
{
    Console.WriteLine($"agreement {pair.MethodA} vs {pair.MethodB}: rank correlation {pair.RankCorrelation:F3}, top-3 overlap {pair.TopKOverlap:P0}");
}

Console.WriteLine();
Console.WriteLine($"efficiency residual: exact {ExplanationQuality.EfficiencyResidual(exact, model):E2}, kernel {ExplanationQuality.EfficiencyResidual(kernel, model):E2}, permutation {ExplanationQuality.EfficiencyResidual(permutation, model):E2}");
Console.WriteLine($"LIME: R² {limeDetails.Score:F4}, local prediction {limeDetails.LocalPrediction:F4} vs model {limeDetails.ModelPrediction:F4} (error {limeDetails.LocalError:F4})");
var baseline = background.Mean();
Console.WriteLine($"faithfulness correlation: exact {ExplanationQuality.FaithfulnessCorrelation(exact, model, baseline, seed: 1)[0]:F3}, lime {ExplanationQuality.FaithfulnessCorrelation(lime, model, baseline, seed: 1)[0]:F3}");
var exactExplainer = new ExactShapExplainer(model, background);
Console.WriteLine($"local Lipschitz (exact SHAP, radius 0.05): {ExplanationQuality.LocalLipschitz(exactExplainer, [applicant], radius: 0.05, samples: 5, seed: 1)[0]:F4}");
Console.WriteLine();

// Counterfactuals: what would get this applicant approved (P(repay) ≥ 0.5)? Age cannot change; counts are integers.
var counterfactuals = new CounterfactualExplainer(model, background, new CounterfactualOptions
{
    Seed = 42,
    ImmutableFeatures = [2],
    IntegerFeatures = [3, 4, 5, 6],
    LowerBounds = [0, 0, 18, 0, 0, 0, 0, 1],
    UpperBounds = [500, 1, 100, 20, 20, 40, 50, 200],
}).Explain([applicant], CounterfactualTarget.Class(1))[0];
Console.WriteLine(counterfactuals.Summary);
foreach (var cf in counterfactuals.Counterfactuals)
{
    var changes = cf.ChangedFeatures.Select(j => $"{model.InputNames![j]} {applicant[j]:G4} -> {cf.Values[j]:G4}");
    Console.WriteLine($"  P(repay) {cf.Prediction[0]:F3}: {string.Join(", ", changes)}  (proximity {cf.Proximity:F2})");
}

if (counterfactuals.Found)
{
    Console.WriteLine($"  validity {counterfactuals.Validity:P0}, mean sparsity {counterfactuals.MeanSparsity:F1}, diversity {counterfactuals.Diversity:F2}");
}

// Plots: a waterfall for the applicant, and a bar and a beeswarm summary over 50 applicants explained in parallel.
var many = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 42, MaxDegreeOfParallelism = Environment.ProcessorCount }).Explain(applicants[..50]);
File.WriteAllText(Path.Combine(outputDirectory, "waterfall.svg"), SvgPlots.Waterfall(exact));
File.WriteAllText(Path.Combine(outputDirectory, "bar.svg"), SvgPlots.Bar(many));
File.WriteAllText(Path.Combine(outputDirectory, "summary.svg"), SvgPlots.Summary(many));
Console.WriteLine();
Console.WriteLine($"Wrote credit-model.json, waterfall.svg, bar.svg and summary.svg to {outputDirectory}");
