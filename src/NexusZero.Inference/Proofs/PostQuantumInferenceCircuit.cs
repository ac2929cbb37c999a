using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// One quantized model's circuit for the post-quantum backend (Ligero, <see cref="LigeroProofSystem"/>): no setup and
/// no keys, the circuit itself is what the verifier pins. The statement's public values are those of
/// <see cref="InferenceCircuitKeys"/> (outputs, argmax, model commitment, inputs or the input commitment), with public or private weights and a public
/// or committed input; the
/// context is bound by Ligero's transcript instead of a circuit wire. Proofs are hundreds of kilobytes and slower to
/// make; their soundness rests on SHA3-256 alone (docs/security.md, "Ligero").
/// </summary>
public sealed class PostQuantumInferenceCircuit
{
    private PostQuantumInferenceCircuit(QuantizedModel model, WeightVisibility weights, InputVisibility input, ConstraintSystem system, IReadOnlyList<LayerConstraintCount> layers)
    {
        Model = model;
        Weights = weights;
        Input = input;
        System = system;
        Layers = layers;
    }

    /// <summary>The quantized model.</summary>
    public QuantizedModel Model { get; }

    /// <summary>Whether the weights are constants of the circuit or committed witnesses.</summary>
    public WeightVisibility Weights { get; }

    /// <summary>Whether the quantized input is a public value of the statement or committed.</summary>
    public InputVisibility Input { get; }

    /// <summary>The constraint system: what the verifier pins (its digest names it in the statement).</summary>
    public ConstraintSystem System { get; }

    /// <summary>Constraints per layer.</summary>
    public IReadOnlyList<LayerConstraintCount> Layers { get; }

    /// <summary>The circuit's constraint count.</summary>
    public int ConstraintCount => System.ConstraintCount;

    /// <summary>Builds the circuit of <paramref name="model"/>.</summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="weights">Whether the weights are circuit constants or committed witnesses.</param>
    /// <param name="input">Whether the input is public or committed.</param>
    /// <returns>The circuit.</returns>
    /// <exception cref="ArgumentException">Private weights were asked of a model without affine layers.</exception>
    public static PostQuantumInferenceCircuit Create(QuantizedModel model, WeightVisibility weights = WeightVisibility.Public, InputVisibility input = InputVisibility.Public)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForSetup(), model, null, Shape(weights, input), default);
        return new PostQuantumInferenceCircuit(model, weights, input, circuit.System, layers);
    }

    /// <summary>The statement "this model maps claim.Input to claim.Output", carrying the circuit.</summary>
    /// <param name="claim">The claimed inference; with private weights it carries the weights commitment.</param>
    /// <returns>The statement to verify against.</returns>
    /// <exception cref="ArgumentException">As <see cref="InferenceCircuitKeys.Statement"/>.</exception>
    public CircuitStatement Statement(InferenceClaim claim) => new(System, InferenceStatement.PublicValues(Model, Weights, Input, claim));

    /// <summary>The shape: no context wire, since Ligero binds the context in its transcript.</summary>
    internal static InferenceCircuitShape Shape(WeightVisibility weights, InputVisibility input = InputVisibility.Public) => new(weights, ContextWire: false, input);
}
