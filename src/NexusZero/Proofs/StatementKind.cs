namespace NexusZero.Proofs;

/// <summary>The kinds of public statement NexusZero proves.</summary>
public enum StatementKind
{
    /// <summary>X = x·G.</summary>
    DiscreteLog = 1,
    /// <summary>X = x·G and Y = x·H.</summary>
    DiscreteLogEquality = 2,
    /// <summary>C = v·G + r·H.</summary>
    PedersenOpening = 3,
    /// <summary>A linear relation among committed values.</summary>
    LinearRelation = 4,
    /// <summary>An AND or OR composition of statements.</summary>
    Composition = 5,
    /// <summary>A committed value lies in a range.</summary>
    Range = 6,
    /// <summary>Possession of the secret key behind a lattice public key.</summary>
    KeyPossession = 7,
    /// <summary>t = A·s1 + s2 with short s1, s2.</summary>
    ModuleLwe = 8,
    /// <summary>A circuit, named by its verifying key's digest, is satisfied for these public inputs.</summary>
    Circuit = 9,
}
