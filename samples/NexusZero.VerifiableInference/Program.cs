using NexusZero.VerifiableInference;

// Proves one inference of a small ONNX model, explains it, has four in-process validators certify both, writes
// the receipt and checks it offline from the files alone. Usage: NexusZero.VerifiableInference [OUTPUT-FOLDER]
var outputDirectory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "nexuszero-verifiable-inference");
var run = await VerifiableInferenceDemo.RunAsync(Console.Out, outputDirectory);
return run.Verification.IsValid ? 0 : 1;
