using NexusZero.Inference.Proofs;
using NexusZero.VerifiableInference;

// Proves one inference of a small ONNX model, explains it, has four in-process validators certify both, writes
// the receipt and checks it offline from the files alone. Usage: NexusZero.VerifiableInference [OUTPUT-FOLDER] [--private-weights]
var privateWeights = args.Contains("--private-weights", StringComparer.Ordinal);
var folders = args.Where(a => !string.Equals(a, "--private-weights", StringComparison.Ordinal)).ToArray();
var outputDirectory = folders.Length > 0 ? folders[0] : Path.Combine(Path.GetTempPath(), "nexuszero-verifiable-inference");
var run = await VerifiableInferenceDemo.RunAsync(Console.Out, outputDirectory, privateWeights ? WeightVisibility.Private : WeightVisibility.Public);
return run.Verification.IsValid ? 0 : 1;
