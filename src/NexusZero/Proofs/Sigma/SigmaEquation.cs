using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// One equation of a linear sigma relation: <c>Target = Σ witness[term.WitnessIndex] · term.Base</c>.
/// </summary>
/// <param name="Target">The public left-hand side.</param>
/// <param name="Terms">The right-hand side's terms.</param>
internal sealed record SigmaEquation(GroupElement Target, IReadOnlyList<SigmaTerm> Terms);

/// <summary>One term <c>witness[WitnessIndex] · Base</c> of a <see cref="SigmaEquation"/>.</summary>
/// <param name="WitnessIndex">Index of the secret in the relation's witness vector.</param>
/// <param name="Base">The public base element.</param>
internal readonly record struct SigmaTerm(int WitnessIndex, GroupElement Base);
