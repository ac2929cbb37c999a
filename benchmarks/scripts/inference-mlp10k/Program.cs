using System.Diagnostics;
using NexusZero;
using NexusZero.Pipeline;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;
using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;
// Prints the constraint count, setup time, prove and verify medians (5 runs after one warm-up), sizes and peak memory.
// 64 → 128 → 16 → 10 with ReLU: 8,192 + 128 + 2,048 + 16 + 160 + 10 = 10,554 parameters.
var bytes = new OnnxGraphBuilder("x", [1, 64], 11, symbolicBatch: true)
    .Random("W1", [128, 64], 0.2).Random("B1", [128], 0.1).Random("W2", [16, 128], 0.2).Random("B2", [16], 0.1).Random("W3", [16, 10], 0.3).Random("B3", [10], 0.1)
    .Node("Gemm", ["x", "W1", "B1"], "h1", Int("transB", 1)).Node("Relu", ["h1"], "a1")
    .Node("Gemm", ["a1", "W2", "B2"], "h2", Int("transB", 1)).Node("Relu", ["h2"], "a2")
    .Node("MatMul", ["a2", "W3"], "z3").Node("Add", ["z3", "B3"], "logits")
    .Node("Softmax", ["logits"], "probabilities", Int("axis", 1))
    .Build("probabilities", [1, 10], symbolicBatch: true);
var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(bytes));
var sw = Stopwatch.StartNew();
var keys = InferenceCircuitKeys.CreateWithLocalSetup(model);
Console.WriteLine($"10,554 parameters, {keys.ConstraintCount} constraints; setup {sw.Elapsed.TotalSeconds:F1} s");
var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
var random = new Random(5);
var prove = new List<double>(); var verify = new List<double>(); int size = 0, proofSize = 0;
for (var r = 0; r < 6; r++)
{
    var input = Enumerable.Range(0, 64).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    sw.Restart();
    var proof = api.ProveInference(keys, input);
    var p = sw.Elapsed.TotalMilliseconds;
    var envelope = proof.ToBytes();
    sw.Restart();
    var ok = api.Verify(envelope, keys.Statement(proof.Claim)).IsValid;
    var v = sw.Elapsed.TotalMilliseconds;
    if (!ok) throw new Exception("did not verify");
    if (r > 0) { prove.Add(p); verify.Add(v); }
    size = envelope.Length; proofSize = proof.Proof.Envelope.Payload.Length;
}
prove.Sort(); verify.Sort();
Console.WriteLine($"prove median {prove[prove.Count / 2]:F0} ms ({string.Join(", ", prove.Select(x => x.ToString("F0")))}); verify median {verify[verify.Count / 2]:F1} ms; envelope {size} B, proof {proofSize} B; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
