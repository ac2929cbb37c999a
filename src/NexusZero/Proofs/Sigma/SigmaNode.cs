namespace NexusZero.Proofs.Sigma;

/// <summary>
/// A node of a sigma-protocol composition tree: a leaf relation, or an AND / OR gate over children.
/// A single (uncomposed) proof is a tree with one leaf.
/// </summary>
internal abstract class SigmaNode
{
    /// <summary>Bytes of this subtree's proof: leaf commitments and responses, plus one challenge per OR child but the last.</summary>
    public abstract int ProofLength { get; }

    /// <summary>The leaves in depth-first order.</summary>
    public abstract IEnumerable<SigmaLeaf> Leaves();
}

/// <summary>A leaf: one statement and its linear relation.</summary>
internal sealed class SigmaLeaf(Statement statement, SigmaRelation relation) : SigmaNode
{
    public Statement Statement { get; } = statement;

    public SigmaRelation Relation { get; } = relation;

    public override int ProofLength => Relation.ProofLength;

    public override IEnumerable<SigmaLeaf> Leaves() => [this];
}

/// <summary>An AND gate (every child holds) or an OR gate (at least one child holds).</summary>
internal sealed class SigmaGate(bool isOr, IReadOnlyList<SigmaNode> children, int scalarLength) : SigmaNode
{
    public bool IsOr { get; } = isOr;

    public IReadOnlyList<SigmaNode> Children { get; } = children;

    public override int ProofLength =>
        Children.Sum(c => c.ProofLength) + (IsOr ? (Children.Count - 1) * scalarLength : 0);

    public override IEnumerable<SigmaLeaf> Leaves() => Children.SelectMany(c => c.Leaves());
}
