using NexusZero.Circuits;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The public values of an inference proof in statement order: the outputs, the argmax when there is one, the
/// model commitment's two 128-bit halves, the inputs. One place for the layout, so that a verifier holding only the
/// verifying key (a receipt's) builds the same statement as <see cref="InferenceCircuitKeys.Statement"/>.
/// </summary>
internal static class InferenceStatement
{
    /// <summary>The statement "the circuit of <paramref name="key"/>, labelled with this commitment, maps the claim's input to its output".</summary>
    /// <exception cref="ArgumentException">The key does not take that many public inputs.</exception>
    public static CircuitStatement Build(Groth16VerifyingKey key, ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
    {
        var inputs = new List<FieldElement>(claim.Output.Count + 3 + claim.Input.Count);
        inputs.AddRange(claim.Output.Select(FieldElement.FromInt64));
        if (claim.ArgMax is int argMax)
        {
            inputs.Add(FieldElement.FromInt64(argMax));
        }

        inputs.AddRange(PreimageCircuit.DigestInputs(modelCommitment));
        inputs.AddRange(claim.Input.Select(FieldElement.FromInt64));
        return new CircuitStatement(key, inputs);
    }
}
