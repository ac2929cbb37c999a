namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Poseidon in the circuit, round for round as <see cref="Poseidon"/> computes it: additions of constants and the MDS
/// mixing are linear and free; each x⁵ costs three constraints (x², x⁴, x⁵), so a hash of n inputs costs
/// 3·(8·(n + 1) + RP) constraints (243 for two inputs; circomlib's optimized template needs about 240).
/// </summary>
public static class PoseidonGadget
{
    /// <summary>Poseidon of 1 … 4 values in the circuit.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="inputs">The inputs.</param>
    /// <returns>The digest (a variable holding it, for the last round's first element).</returns>
    /// <exception cref="ArgumentException">No inputs or more than <see cref="Gadgets.Poseidon.MaxInputs"/>.</exception>
    public static LinearCombination Poseidon(this CircuitBuilder builder, params ReadOnlySpan<LinearCombination> inputs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Gadgets.Poseidon.CheckCount(inputs.Length, nameof(inputs));
        int t = inputs.Length + 1;
        var constants = PoseidonConstants.Constants(t);
        var matrix = PoseidonConstants.Matrix(t);
        int partial = PoseidonConstants.PartialRounds(t);
        var state = new LinearCombination[t];
        var next = new LinearCombination[t];
        state[0] = LinearCombination.Zero;
        inputs.CopyTo(state.AsSpan(1));
        for (var r = 0; r < PoseidonConstants.FullRounds + partial; r++)
        {
            bool full = r < PoseidonConstants.FullRounds / 2 || r >= (PoseidonConstants.FullRounds / 2) + partial;
            for (var i = 0; i < t; i++)
            {
                state[i] += constants[(r * t) + i];
                if (full || i == 0)
                {
                    var square = builder.Multiply(state[i], state[i], "poseidon x²");
                    var fourth = builder.Multiply(square, square, "poseidon x⁴");
                    state[i] = builder.Multiply(fourth, state[i], "poseidon x⁵");
                }
            }

            for (var i = 0; i < t; i++)
            {
                var sum = LinearCombination.Zero;
                for (var j = 0; j < t; j++)
                {
                    sum += state[j] * matrix[(i * t) + j];
                }

                next[i] = sum;
            }

            (state, next) = (next, state);
        }

        return state[0];
    }
}
