namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Membership in a binary Poseidon Merkle tree: from a leaf, its siblings and the path bits (bit i = 1 when the node
/// at level i is the right child), node = Poseidon(left, right) up to the root. Each level costs one boolean check,
/// two selections and one two-input Poseidon (about 245 constraints).
/// </summary>
public static class MerklePathGadget
{
    /// <summary>Deepest tree accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The root reached from <paramref name="leaf"/> along the path (constrains the path bits to be boolean).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="leaf">The leaf value.</param>
    /// <param name="siblings">The sibling at each level, leaf level first.</param>
    /// <param name="pathBits">Per level: 1 when the current node is the right child.</param>
    /// <returns>The computed root; assert it equal to the public root.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or are empty or deeper than <see cref="MaxDepth"/>.</exception>
    public static LinearCombination Root(this CircuitBuilder builder, LinearCombination leaf, ReadOnlySpan<LinearCombination> siblings, ReadOnlySpan<LinearCombination> pathBits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CheckShape(siblings.Length, pathBits.Length);
        var node = leaf;
        for (var level = 0; level < siblings.Length; level++)
        {
            builder.AssertBoolean(pathBits[level], $"merkle path bit {level}");
            var left = builder.Select(pathBits[level], siblings[level], node);
            var right = (LinearCombination)(node + siblings[level]) - left;
            node = builder.Poseidon(left, right);
        }

        return node;
    }

    /// <summary>The same root computed natively.</summary>
    /// <param name="leaf">The leaf value.</param>
    /// <param name="siblings">The sibling at each level, leaf level first.</param>
    /// <param name="pathBits">Per level: true when the current node is the right child.</param>
    /// <returns>The root.</returns>
    public static FieldElement Root(FieldElement leaf, ReadOnlySpan<FieldElement> siblings, ReadOnlySpan<bool> pathBits)
    {
        CheckShape(siblings.Length, pathBits.Length);
        var node = leaf;
        for (var level = 0; level < siblings.Length; level++)
        {
            node = pathBits[level] ? Poseidon.Hash(siblings[level], node) : Poseidon.Hash(node, siblings[level]);
        }

        return node;
    }

    private static void CheckShape(int siblings, int bits)
    {
        if (siblings != bits || siblings < 1 || siblings > MaxDepth)
        {
            throw new ArgumentException($"A Merkle path needs 1 … {MaxDepth} siblings and as many path bits; got {siblings} and {bits}.");
        }
    }
}
