using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// A linear relation over a prime-order group: knowledge of a witness vector w such that every
/// equation <c>Yⱼ = Σ wᵢ·Bⱼᵢ</c> holds. Every sigma protocol NexusZero ships (discrete log, DLEQ,
/// Pedersen opening, linear relations between commitments) is one of these, proven with the same
/// Maurer-style protocol: commitments Tⱼ = Σ kᵢ·Bⱼᵢ, challenge c, responses sᵢ = kᵢ + c·wᵢ, check
/// Σ sᵢ·Bⱼᵢ = Tⱼ + c·Yⱼ. See docs/architecture.md (Classical).
/// </summary>
internal sealed class SigmaRelation
{
    public SigmaRelation(IPrimeOrderGroup group, int witnessCount, IReadOnlyList<SigmaEquation> equations)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(equations);
        if (witnessCount < 1 || equations.Count < 1)
        {
            throw new ArgumentException("A sigma relation needs at least one witness and one equation.");
        }

        foreach (var equation in equations)
        {
            foreach (var term in equation.Terms)
            {
                if (term.WitnessIndex < 0 || term.WitnessIndex >= witnessCount)
                {
                    throw new ArgumentException($"Witness index {term.WitnessIndex} is outside 0..{witnessCount - 1}.");
                }
            }
        }

        Group = group;
        WitnessCount = witnessCount;
        Equations = equations;
    }

    /// <summary>The group every element belongs to.</summary>
    public IPrimeOrderGroup Group { get; }

    /// <summary>Length of the witness vector (and of the response vector).</summary>
    public int WitnessCount { get; }

    /// <summary>The equations (one commitment each).</summary>
    public IReadOnlyList<SigmaEquation> Equations { get; }

    /// <summary>Size in bytes of a proof of this relation: the commitments then the responses.</summary>
    public int ProofLength => (Equations.Count * Group.ElementLength) + (WitnessCount * Group.ScalarLength);

    /// <summary>True when <paramref name="witness"/> satisfies every equation (constant-time multiplications).</summary>
    public bool IsSatisfiedBy(ReadOnlySpan<GroupScalar> witness)
    {
        if (witness.Length != WitnessCount)
        {
            return false;
        }

        var satisfied = true;
        foreach (var equation in Equations)
        {
            var sum = Group.Identity;
            foreach (var term in equation.Terms)
            {
                sum += SigmaProtocol.MultiplySecret(Group, witness[term.WitnessIndex], term.Base);
            }

            satisfied &= sum.Equals(equation.Target);
        }

        return satisfied;
    }
}
