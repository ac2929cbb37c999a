using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>One entry of a .zkey's section 4: matrix A (0) or B (1), its row, its signal and its value.</summary>
/// <param name="Matrix">0 for A, 1 for B (C is not stored: a prover computes C·z as (A·z)∘(B·z)).</param>
/// <param name="Constraint">The row, below the domain size (rows past the constraints bind the public inputs).</param>
/// <param name="Signal">The variable, below the variable count.</param>
/// <param name="Value">The coefficient (as a field value, already out of the file's R²-scaled form).</param>
internal readonly record struct ZkeyCoefficient(int Matrix, int Constraint, int Signal, Fr Value);
