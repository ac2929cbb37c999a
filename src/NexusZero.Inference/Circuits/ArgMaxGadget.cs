using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The first index of the largest of n values: one-hot bits e (boolean, Σe = 1), chosen = Σ eᵢ·vᵢ, and for
/// every j, chosen − v_j − [j &lt; k] ≥ 0 (range-checked), where [j &lt; k] = Σ_{i&gt;j} eᵢ. So v_k ≥ every value
/// and v_k &gt; every earlier one: k is the first maximum. Cost: about n·(differenceBits + 3) constraints.
/// </summary>
internal static class ArgMaxGadget
{
    public static LinearCombination ArgMax(this CircuitBuilder builder, LinearCombination[] values, int differenceBits, Func<int> argMax)
    {
        var n = values.Length;
        var onehot = new Variable[n];
        for (var i = 0; i < n; i++)
        {
            var index = i;
            onehot[i] = builder.BooleanWitness(() => argMax() == index);
        }

        builder.AssertEqual(LinearCombination.FromTerms(onehot.Select(e => new Term(e.Index, FieldElement.One))), CircuitBuilder.One, "argmax one-hot");
        var chosen = LinearCombination.Zero;
        for (var i = 0; i < n; i++)
        {
            chosen += builder.Multiply(onehot[i], values[i], "argmax select");
        }

        var later = LinearCombination.Zero;
        for (var j = n - 1; j >= 0; j--)
        {
            builder.AssertRange(chosen - values[j] - later, differenceBits);
            later += onehot[j];
        }

        return LinearCombination.FromTerms(onehot.Select((e, i) => new Term(e.Index, FieldElement.FromUInt64((ulong)i))));
    }
}
