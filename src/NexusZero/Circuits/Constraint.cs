namespace NexusZero.Circuits;

/// <summary>One rank-1 constraint ⟨A, w⟩ · ⟨B, w⟩ = ⟨C, w⟩, optionally named for error reports.</summary>
/// <param name="A">The left factor.</param>
/// <param name="B">The right factor.</param>
/// <param name="C">The product.</param>
/// <param name="Name">A label for diagnostics; not part of the digest.</param>
public sealed record Constraint(LinearCombination A, LinearCombination B, LinearCombination C, string? Name = null);
