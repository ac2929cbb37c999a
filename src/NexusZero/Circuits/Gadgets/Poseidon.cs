namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Poseidon (Grassi et al., USENIX Security 2021) with circomlib's BN254 parameters, computed natively: the same
/// digests as circomlib's <c>Poseidon(n)</c> template and circomlibjs's <c>poseidon</c>, for 1 … 4 inputs.
/// State [0, x₁, …, xₙ]; each round adds its constants, applies x⁵ to every element (full rounds: the first and last
/// 4) or to the first (partial rounds), and multiplies by the MDS matrix; the digest is the first element.
/// </summary>
public static class Poseidon
{
    /// <summary>Most inputs supported.</summary>
    public const int MaxInputs = PoseidonConstants.MaxInputs;

    /// <summary>Poseidon of 1 … 4 field elements.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentException">No inputs or more than <see cref="MaxInputs"/>.</exception>
    public static FieldElement Hash(params ReadOnlySpan<FieldElement> inputs)
    {
        CheckCount(inputs.Length, nameof(inputs));
        int t = inputs.Length + 1;
        var constants = PoseidonConstants.Constants(t);
        var matrix = PoseidonConstants.Matrix(t);
        int partial = PoseidonConstants.PartialRounds(t);
        Span<FieldElement> state = stackalloc FieldElement[t];
        Span<FieldElement> next = stackalloc FieldElement[t];
        state[0] = FieldElement.Zero;
        inputs.CopyTo(state[1..]);
        for (var r = 0; r < PoseidonConstants.FullRounds + partial; r++)
        {
            bool full = r < PoseidonConstants.FullRounds / 2 || r >= (PoseidonConstants.FullRounds / 2) + partial;
            for (var i = 0; i < t; i++)
            {
                state[i] += constants[(r * t) + i];
                if (full || i == 0)
                {
                    state[i] = Power5(state[i]);
                }
            }

            for (var i = 0; i < t; i++)
            {
                var sum = FieldElement.Zero;
                for (var j = 0; j < t; j++)
                {
                    sum += matrix[(i * t) + j] * state[j];
                }

                next[i] = sum;
            }

            next.CopyTo(state);
        }

        return state[0];
    }

    internal static void CheckCount(int count, string parameter)
    {
        if (count < 1 || count > MaxInputs)
        {
            throw new ArgumentException($"Poseidon here takes 1 … {MaxInputs} inputs, not {count}.", parameter);
        }
    }

    private static FieldElement Power5(FieldElement x)
    {
        var square = x * x;
        return square * square * x;
    }
}
