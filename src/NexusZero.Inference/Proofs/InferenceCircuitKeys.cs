using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The Groth16 keys of one quantized model's circuit. With public weights (the default) the weights are constants of
/// the circuit, so the verifying key pins them: a verifier that made (or trusts) these keys for this model accepts
/// proofs about this model only. With <see cref="WeightVisibility.Private"/> the circuit fixes the model's structure
/// and widths only, and each statement names the weights by their Poseidon commitment. <see cref="Statement"/> builds
/// the expected statement for a claimed inference. For the post-quantum backend see <see cref="PostQuantumInferenceCircuit"/>.
/// </summary>
public sealed class InferenceCircuitKeys
{
    private InferenceCircuitKeys(QuantizedModel model, WeightVisibility weights, InputVisibility input, Groth16ProvingKey provingKey, IReadOnlyList<LayerConstraintCount> layers, int constraints)
    {
        Model = model;
        Weights = weights;
        Input = input;
        ProvingKey = provingKey;
        Layers = layers;
        ConstraintCount = constraints;
    }

    /// <summary>The quantized model.</summary>
    public QuantizedModel Model { get; }

    /// <summary>Whether the weights are constants of the circuit or committed witnesses.</summary>
    public WeightVisibility Weights { get; }

    /// <summary>Whether the quantized input is a public value of the statement or committed.</summary>
    public InputVisibility Input { get; }

    /// <summary>The proving key.</summary>
    public Groth16ProvingKey ProvingKey { get; }

    /// <summary>The verifying key: what the verifier pins.</summary>
    public Groth16VerifyingKey VerifyingKey => ProvingKey.VerifyingKey;

    /// <summary>Constraints per layer.</summary>
    public IReadOnlyList<LayerConstraintCount> Layers { get; }

    /// <summary>The circuit's constraint count.</summary>
    public int ConstraintCount { get; }

    /// <summary>
    /// Keys from a setup with this machine's randomness (<see cref="Groth16DevelopmentSetup"/>): convincing to the
    /// party that ran it (a verifier making keys for the models it accepts), nobody else.
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentException">The circuit is larger than the development setup supports.</exception>
    public static InferenceCircuitKeys CreateWithLocalSetup(QuantizedModel model) => CreateWithLocalSetup(model, WeightVisibility.Public);

    /// <summary>
    /// Keys from a local setup (as <see cref="CreateWithLocalSetup(QuantizedModel)"/>) for public or private weights. With
    /// private weights the setup reads only the model's structure, shifts and widths (the verifying key is the same for
    /// every model that shares them), never a weight's value.
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="weights">Whether the weights are circuit constants or committed witnesses.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentException">The circuit is larger than the development setup supports, or private weights were asked of a model without affine layers.</exception>
    public static InferenceCircuitKeys CreateWithLocalSetup(QuantizedModel model, WeightVisibility weights) => CreateWithLocalSetup(model, weights, InputVisibility.Public);

    /// <summary>
    /// Keys from a local setup (as <see cref="CreateWithLocalSetup(QuantizedModel)"/>) for public or private weights and a
    /// public or committed input. With a committed input the statement carries a Poseidon commitment to the input instead
    /// of its values (<see cref="CommittedInputOpening"/>).
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="weights">Whether the weights are circuit constants or committed witnesses.</param>
    /// <param name="input">Whether the input is public or committed.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="ArgumentException">As <see cref="CreateWithLocalSetup(QuantizedModel, WeightVisibility)"/>.</exception>
    public static InferenceCircuitKeys CreateWithLocalSetup(QuantizedModel model, WeightVisibility weights, InputVisibility input)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (circuit, layers) = BuildForSetup(model, weights, input);
        return new InferenceCircuitKeys(model, weights, input, Groth16DevelopmentSetup.CreateKeys(circuit.System), layers, circuit.System.ConstraintCount);
    }

    /// <summary>
    /// Keys read from a proving-key file (<see cref="Groth16ProvingKeyFile"/>) that <see cref="Save"/> wrote for the same
    /// model, weight and input visibility: the circuit is rebuilt from the model and the file must name its R1CS digest,
    /// so a key for another model (or another visibility) is refused, not used.
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="weights">Whether the weights are circuit constants or committed witnesses.</param>
    /// <param name="input">Whether the input is public or committed.</param>
    /// <param name="path">The proving-key file.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="FormatException">The file is not a valid proving key for this model's circuit; the message names the defect.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InferenceCircuitKeys Load(QuantizedModel model, WeightVisibility weights, InputVisibility input, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (circuit, layers) = BuildForSetup(model, weights, input);
        return new InferenceCircuitKeys(model, weights, input, Groth16ProvingKeyFile.Load(path, circuit.System), layers, circuit.System.ConstraintCount);
    }

    /// <summary>
    /// The keys in <paramref name="path"/> when it exists (as <see cref="Load"/>); otherwise keys from a local setup,
    /// saved there first (atomically, owner-only), so that every process pointed at the file proves under one verifying
    /// key. Two processes starting at once may both run the setup; the first to create the file wins (the rename never
    /// replaces an existing file), and the other reads the winner's key back and uses it.
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="weights">Whether the weights are circuit constants or committed witnesses.</param>
    /// <param name="input">Whether the input is public or committed.</param>
    /// <param name="path">The proving-key file.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="FormatException">The file exists but is not a valid key for this model's circuit.</exception>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static InferenceCircuitKeys LoadOrCreate(QuantizedModel model, WeightVisibility weights, InputVisibility input, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return Load(model, weights, input, path);
        }

        var (circuit, layers) = BuildForSetup(model, weights, input);
        var provingKey = Groth16DevelopmentSetup.CreateKeys(circuit.System);
        var stored = Groth16ProvingKeyFile.TryCreate(path, provingKey, circuit.System) ? provingKey : Groth16ProvingKeyFile.Load(path, circuit.System);
        return new InferenceCircuitKeys(model, weights, input, stored, layers, circuit.System.ConstraintCount);
    }

    /// <summary>Writes the proving key to <paramref name="path"/> (<see cref="Groth16ProvingKeyFile"/>, atomically, owner-only where the platform has modes).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path)
    {
        var (circuit, _) = BuildForSetup(Model, Weights, Input);
        Groth16ProvingKeyFile.Save(path, ProvingKey, circuit.System);
    }

    private static (BuiltCircuit Circuit, IReadOnlyList<LayerConstraintCount> Layers) BuildForSetup(QuantizedModel model, WeightVisibility weights, InputVisibility input) =>
        InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, new InferenceCircuitShape(weights, ContextWire: true, input), default);

    /// <summary>The statement "this model maps claim.Input to claim.Output", carrying the verifying key.</summary>
    /// <param name="claim">The claimed inference; with private weights it carries the weights commitment, with a committed input the input commitment (and no input values).</param>
    /// <returns>The statement to verify against.</returns>
    /// <exception cref="ArgumentException">The claim's sizes do not fit the model, the argmax is missing, extra or out of range, the weights commitment is missing (private weights) or extra (public), or the input commitment is missing (committed input) or extra (public).</exception>
    public CircuitStatement Statement(InferenceClaim claim) => new(VerifyingKey, InferenceStatement.PublicValues(Model, Weights, Input, claim));
}
