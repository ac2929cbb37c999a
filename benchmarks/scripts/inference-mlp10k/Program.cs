using System.Diagnostics;
using NexusZero;
using NexusZero.Pipeline;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

// Prints the constraint count, setup time, prove and verify medians (5 runs after one warm-up), sizes and peak memory
// for one model, weight visibility and backend, in a process of its own (so the peak working set is this case's):
//   dotnet run -c Release --project benchmarks/scripts/inference-mlp10k [-- mlp10k|wine|digits [public|private] [groth16|pq] [runs] [public-input|committed-input]]
// The default is issue 16's ~10k-parameter MLP (TestModels.Mlp10k) with public weights and Groth16.
var name = args.Length > 0 ? args[0] : "mlp10k";
var weights = args.Length > 1 && args[1] == "private" ? WeightVisibility.Private : WeightVisibility.Public;
var postQuantum = args.Length > 2 && args[2] == "pq";
var runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 6;
var input = args.Length > 4 && args[4] == "committed-input" ? InputVisibility.Committed : InputVisibility.Public;
var (onnx, inputs) = name switch
{
    "mlp10k" => (TestModels.Mlp10k(), TestModels.Inputs(runs, 64, seed: 5)),
    "wine" => (WineMlp.Instance.Onnx, WineMlp.Instance.TestInputs.Take(runs).ToArray()),
    "digits" => (DigitsCnn.Instance.Onnx, DigitsCnn.Instance.TestInputs.Take(runs).ToArray()),
    _ => throw new ArgumentException($"Unknown model '{name}': mlp10k, wine or digits."),
};
var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx));
var parameters = model.Layers.OfType<QuantizedAffine>().Sum(a => a.Weights.Length + a.Bias.Length);
var sw = Stopwatch.StartNew();
InferenceCircuitKeys? keys = postQuantum ? null : InferenceCircuitKeys.CreateWithLocalSetup(model, weights, input);
var circuit = postQuantum ? PostQuantumInferenceCircuit.Create(model, weights, input) : null;
var constraints = keys?.ConstraintCount ?? circuit!.ConstraintCount;
Console.WriteLine($"{name}, {weights} weights, {input} input, {(postQuantum ? "Ligero-100" : "Groth16")}: {parameters:N0} parameters (unrolled), {constraints:N0} constraints; setup {sw.Elapsed.TotalSeconds:F1} s");
var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
using var opening = weights == WeightVisibility.Private ? PrivateWeightsOpening.Create(model) : null;
var options = new InferenceProofOptions { Weights = opening, Input = input };
var prove = new List<double>(); var verify = new List<double>(); int size = 0, proofSize = 0;
for (var r = 0; r < runs; r++)
{
    sw.Restart();
    var proof = keys is not null ? api.ProveInference(keys, inputs[r], options) : api.ProveInference(circuit!, inputs[r], options);
    var p = sw.Elapsed.TotalMilliseconds;
    var envelope = proof.ToBytes();
    var statement = keys is not null ? keys.Statement(proof.Claim) : circuit!.Statement(proof.Claim);
    sw.Restart();
    var ok = api.Verify(envelope, statement).IsValid;
    var v = sw.Elapsed.TotalMilliseconds;
    if (!ok) throw new InvalidOperationException("did not verify");
    if (r > 0 || runs == 1) { prove.Add(p); verify.Add(v); }
    size = envelope.Length; proofSize = proof.Proof.Envelope.Payload.Length;
}
prove.Sort(); verify.Sort();
Console.WriteLine($"prove median {prove[prove.Count / 2]:F0} ms ({string.Join(", ", prove.Select(x => x.ToString("F0")))}); verify median {verify[verify.Count / 2]:F1} ms; envelope {size} B, proof {proofSize} B; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
