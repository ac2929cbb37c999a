using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The circuit of one quantized model. With public weights, weights and biases are constants of the constraints, so
/// the verifying key made for this circuit pins them. With private weights they are witness variables, range-checked
/// (as their bits) and committed with <see cref="WeightsCommitment"/>, and only the structure and widths are fixed. Public values, in
/// statement order: the outputs (the logits, then the argmax when the model ends in Softmax), the model commitment
/// (public weights: the SHA-256 commitment's two 128-bit halves; private: the weights tag, then the Poseidon
/// commitment, <see cref="WeightsCommitment"/>), the quantized
/// inputs (committed inputs: the input tag and the inputs' Poseidon commitment, <see cref="InputCommitment"/>); for Groth16 the context binding input comes last and is set by the proof system (the post-quantum backend
/// binds the context in its transcript and builds the circuit without it).
/// </summary>
internal static class InferenceCircuit
{
    public static (BuiltCircuit Circuit, LayerConstraintCount[] Layers) Build(CircuitBuilder builder, QuantizedModel model, QuantizedTrace? trace) =>
        Build(builder, model, trace, new InferenceCircuitShape(WeightVisibility.Public, ContextWire: true), default);

    /// <summary>Builds the circuit in the given shape; <paramref name="blinding"/> is the private-weights commitment's (proving only).</summary>
    public static (BuiltCircuit Circuit, LayerConstraintCount[] Layers) Build(CircuitBuilder builder, QuantizedModel model, QuantizedTrace? trace, InferenceCircuitShape shape, FieldElement blinding) =>
        Build(builder, model, trace, shape, blinding, default);

    /// <summary>
    /// Builds the circuit in the given shape; <paramref name="blinding"/> is the private-weights commitment's and
    /// <paramref name="inputBlinding"/> the committed input's (proving only; ignored in the shapes that do not use them).
    /// </summary>
    public static (BuiltCircuit Circuit, LayerConstraintCount[] Layers) Build(CircuitBuilder builder, QuantizedModel model, QuantizedTrace? trace, InferenceCircuitShape shape, FieldElement blinding, FieldElement inputBlinding)
    {
        if (builder.ComputesWitness != trace is not null)
        {
            throw new ArgumentException("A proving builder needs a trace, a setup builder none.", nameof(trace));
        }

        var source = model.Source;
        var counts = new List<LayerConstraintCount>();
        var isPrivate = shape.Weights == WeightVisibility.Private;
        Variable? commitmentWire = null;
        if (isPrivate)
        {
            // The marker (the weights tag as a public value, pinned to it) tells a private-weights statement from a
            // public-weights one by its values alone: there the same position holds the SHA-256 commitment's top
            // 128 bits, which the public circuit pins, and the tag is a 240-bit integer (docs/security.md).
            var marker = builder.PublicInput("weightsCommitmentTag", WeightsCommitment.Tag);
            builder.AssertEqual(marker, LinearCombination.Constant(WeightsCommitment.Tag), "weights commitment tag");
            counts.Add(new LayerConstraintCount("model", "WeightsTag", 1));
            var commitment = builder.ComputesWitness ? WeightsCommitment.Compute(model, blinding) : default;
            commitmentWire = builder.PublicInput("weightsCommitment", commitment);
        }
        else
        {
            // The weights are constants of this circuit, so its commitment is known: pinning the two inputs to it (two
            // linear constraints) means a proof under this key can only ever name this model, whoever holds the
            // proving key, instead of the label being trusted to match the key.
            var commitment = PreimageCircuit.DigestInputs(model.Commitment.Span);
            var high = builder.PublicInput("modelHigh", commitment[0]);
            var low = builder.PublicInput("modelLow", commitment[1]);
            builder.AssertEqual(high, LinearCombination.Constant(commitment[0]), "model commitment (high)");
            builder.AssertEqual(low, LinearCombination.Constant(commitment[1]), "model commitment (low)");
            counts.Add(new LayerConstraintCount("model", "Commitment", 2));
        }

        var values = new LinearCombination[source.Values.Count][];
        var committedInput = shape.Input == InputVisibility.Committed;
        var input = new LinearCombination[source.InputSize];
        Variable? inputCommitmentWire = null;
        var inputStart = builder.ConstraintCount;
        if (committedInput)
        {
            // The marker (the input tag as a public value, pinned to it) tells a statement over committed inputs from one
            // over public inputs by its values alone: a public quantized input is below 2^40, the tag is a 224-bit integer.
            var marker = builder.PublicInput("inputCommitmentTag", InputCommitment.Tag);
            builder.AssertEqual(marker, LinearCombination.Constant(InputCommitment.Tag), "input commitment tag");
            inputCommitmentWire = builder.PublicInput("inputCommitment", () => InputCommitment.Compute(model, trace!.Input, inputBlinding));
        }
        else
        {
            for (var i = 0; i < input.Length; i++)
            {
                var index = i;
                input[i] = builder.PublicInput($"input{i}", () => BoundedSigned.ToField(trace!.Input[index]));
            }
        }

        if (shape.ContextWire)
        {
            // The context binding input: last of the public inputs, in no constraint (Groth16ProofSystem sets it).
            builder.PublicInput("context", FieldElement.Zero);
        }

        if (inputCommitmentWire is Variable committed)
        {
            // Each input is its InputBits boolean wires (the range check the layers need), packed into the commitment.
            var inputBlindingWire = builder.Witness(() => inputBlinding);
            (input, var digest) = InputCommitment.Constrain(builder, model, () => trace!.Input, inputBlindingWire);
            builder.AssertEqual(digest, committed, "input commitment");
        }
        else
        {
            var bits = model.Options.InputBits;
            foreach (var x in input)
            {
                builder.AssertRange(x + FieldElement.PowerOfTwo(bits - 1), bits);
            }
        }

        counts.Add(new LayerConstraintCount("input", committedInput ? "InputCommitment" : "Input", builder.ConstraintCount - inputStart));
        values[source.Input] = input;
        var parameters = commitmentWire is Variable wire ? PrivateParameters(builder, model, wire, blinding, counts) : null;
        foreach (var layer in model.Layers)
        {
            var before = builder.ConstraintCount;
            var traced = trace?.Values[layer.Output];
            values[layer.Output] = layer switch
            {
                QuantizedAffine a => parameters is null ? Affine(builder, a, values[a.Input], traced) : PrivateAffine(builder, a, parameters[a], values[a.Input], traced),
                QuantizedRelu r => [.. values[r.Input].Select(x => (LinearCombination)builder.Relu(x, Math.Max(2, r.InputBits)))],
                QuantizedMax m => Max(builder, m, values[m.Input]),
                QuantizedSum s => [.. s.LeftIndex.Select((l, i) => values[s.Left][l] + values[s.Right][s.RightIndex[i]])],
                QuantizedPiecewise p => Piecewise(builder, p, values[p.Input], traced),
                _ => throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}."),
            };
            counts.Add(new LayerConstraintCount(layer.Name, layer.GetType().Name.Replace("Quantized", string.Empty, StringComparison.Ordinal), builder.ConstraintCount - before));
        }

        var logits = values[source.Output];
        var outputsBefore = builder.ConstraintCount;
        for (var i = 0; i < logits.Length; i++)
        {
            builder.PublicOutput($"output{i}", logits[i]);
        }

        counts.Add(new LayerConstraintCount("output", "Output", builder.ConstraintCount - outputsBefore));
        if (source.SoftmaxAtOutput)
        {
            var before = builder.ConstraintCount;
            var bound = model.Layers.Last(l => l.Output == source.Output).OutputBound;
            var index = builder.ArgMax(logits, ValueBounds.Bits(2 * (Int128)bound), () => trace!.ArgMax!.Value);
            builder.PublicOutput("argmax", index);
            counts.Add(new LayerConstraintCount("argmax", "ArgMax", builder.ConstraintCount - before));
        }

        return (builder.Build(), [.. counts]);
    }

    private static LinearCombination[] Affine(CircuitBuilder builder, QuantizedAffine layer, LinearCombination[] x, long[]? traced)
    {
        var y = new LinearCombination[layer.Rows];
        var terms = new List<Term>();
        for (var i = 0; i < y.Length; i++)
        {
            terms.Clear();
            terms.Add(new Term(0, FieldElement.FromInt64(layer.Bias[i])));
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                var weight = FieldElement.FromInt64(layer.Weights[k]);
                foreach (var term in x[layer.Columns[k]].Terms)
                {
                    terms.Add(term with { Coefficient = term.Coefficient * weight });
                }
            }

            var row = i;
            y[i] = builder.Rescale(LinearCombination.FromTerms(terms), layer.Shift, layer.AccumulatorBits, () => BoundedSigned.ToField(traced![row]));
        }

        return y;
    }

    /// <summary>The private weights and biases as bit-decomposed witnesses, committed in the circuit and constrained equal to the public commitment.</summary>
    private static Dictionary<QuantizedAffine, (LinearCombination[] Weights, LinearCombination[] Bias)> PrivateParameters(CircuitBuilder builder, QuantizedModel model, Variable commitment, FieldElement blinding, List<LayerConstraintCount> counts)
    {
        var before = builder.ConstraintCount;
        var (weightBits, biasBits) = WeightsCommitment.Widths(model);
        var all = new List<Variable[]>();
        var byLayer = new Dictionary<QuantizedAffine, (LinearCombination[] Weights, LinearCombination[] Bias)>();
        foreach (var layer in WeightsCommitment.Affine(model))
        {
            var weights = layer.Weights.Select(w => WeightsCommitment.Parameter(builder, w, weightBits)).ToArray();
            var bias = layer.Bias.Select(b => WeightsCommitment.Parameter(builder, b, biasBits)).ToArray();
            all.AddRange(weights.Select(w => w.Bits));
            all.AddRange(bias.Select(b => b.Bits));
            byLayer[layer] = ([.. weights.Select(w => w.Value)], [.. bias.Select(b => b.Value)]);
        }

        var blindingWire = builder.Witness(() => blinding);
        var digest = WeightsCommitment.Constrain(builder, model, all, blindingWire);
        builder.AssertEqual(digest, commitment, "weights commitment");
        counts.Add(new LayerConstraintCount("weights", "Commitment", builder.ConstraintCount - before));
        return byLayer;
    }

    /// <summary>acc = bias + Σ w·x with witness weights: one product constraint per weight, then the same rescale.</summary>
    private static LinearCombination[] PrivateAffine(CircuitBuilder builder, QuantizedAffine layer, (LinearCombination[] Weights, LinearCombination[] Bias) parameters, LinearCombination[] x, long[]? traced)
    {
        var y = new LinearCombination[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var acc = parameters.Bias[i];
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                acc += builder.Multiply(parameters.Weights[k], x[layer.Columns[k]], "private weight product");
            }

            var row = i;
            y[i] = builder.Rescale(acc, layer.Shift, layer.AccumulatorBits, () => BoundedSigned.ToField(traced![row]));
        }

        return y;
    }

    private static LinearCombination[] Max(CircuitBuilder builder, QuantizedMax layer, LinearCombination[] x)
    {
        var y = new LinearCombination[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var best = x[layer.Columns[layer.RowStart[i]]];
            for (var k = layer.RowStart[i] + 1; k < layer.RowStart[i + 1]; k++)
            {
                // max(a, b) = b + max(a − b, 0).
                var candidate = x[layer.Columns[k]];
                best = candidate + builder.Relu(best - candidate, layer.DifferenceBits);
            }

            y[i] = best;
        }

        return y;
    }

    private static LinearCombination[] Piecewise(CircuitBuilder builder, QuantizedPiecewise layer, LinearCombination[] x, long[]? traced)
    {
        var y = new LinearCombination[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var acc = LinearCombination.Constant(FieldElement.FromInt64(layer.Offset));
            for (var k = 0; k < layer.Knots.Length; k++)
            {
                var hinge = builder.Relu(x[i] - FieldElement.FromInt64(layer.Knots[k]), Math.Max(2, layer.KnotBits[k]));
                acc += hinge * FieldElement.FromInt64(layer.SlopeChanges[k]);
            }

            var element = i;
            y[i] = builder.Rescale(acc, layer.Shift, layer.AccumulatorBits, () => BoundedSigned.ToField(traced![element]));
        }

        return y;
    }
}
