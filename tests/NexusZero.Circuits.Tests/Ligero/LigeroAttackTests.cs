using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Circuits.Ligero;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>
/// The cheapest known attack on a deliberately tiny parameter set, to test the soundness analysis rather than state it.
/// The cheater holds a witness for y = 35 and claims y = 36. Everything is honest except the linear-test response:
/// it adds Δ(X) = c·∏_{s∈S}(X − e_s), of degree D − 1 (the most the verifier accepts), over a set S of D − 1 code
/// positions, with c fixed so that q1's sum over the message points moves by exactly the difference of the two
/// targets. The verifier's linear check then holds at the positions in S and fails everywhere else, so the proof is
/// accepted exactly when all t distinct queries land in S: probability C(D − 1, t) / C(N, t), the linear-test term of
/// docs/security.md at δ = 0 (within its bound (1/2 + ρ)^t).
/// </summary>
public sealed class LigeroAttackTests
{
    [Fact]
    public void TheForgedLinearResponseSucceedsAsOftenAsTheAnalysisPredicts()
    {
        var parameters = LigeroParameters.ForTesting(logInverseRate: 2, queries: 2);
        var honest = LigeroCircuits.Cubic(3);
        var system = honest.System;
        var layout = LigeroLayout.For(system, parameters)!;
        var claimed = new CircuitStatement(system, [FieldElement.FromUInt64(36)]);
        var witness = honest.CopyWitness();
        var codeDomain = new FrDomain(layout.LogN);
        var messageDomain = new FrDomain(layout.LogK);

        // Δ's shape: ∏ over the first D − 1 code positions, in coefficients.
        var shape = new Fr[layout.D];
        shape[0] = Fr.One;
        for (var s = 0; s < layout.D - 1; s++)
        {
            var root = LigeroPolynomials.CodePoint(codeDomain, s);
            for (var i = s + 1; i > 0; i--)
            {
                shape[i] = shape[i - 1] - (root * shape[i]);
            }

            shape[0] = -(root * shape[0]);
        }

        var shapeSum = LigeroPolynomials.SumOverMessagePoints(layout, messageDomain, shape);
        Assert.False(shapeSum.IsZero);

        void Forge(LigeroLayout l, Fr alpha, Fr[] q0, Fr[] q1, Fr[] quotient)
        {
            var wanted = LigeroLinearCheck.Compute(l, system, alpha, claimed.PublicInputs).Target;
            var actual = LigeroLinearCheck.Compute(l, system, alpha, honest.PublicValues).Target;
            var c = (wanted - actual) * shapeSum.Invert();
            for (var i = 0; i < q1.Length; i++)
            {
                q1[i] += c * shape[i];
            }
        }

        const int Trials = 2000;
        var accepted = 0;
        var linearFailures = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var context = BitConverter.GetBytes(trial);
            using var transcript = ProofTranscript.Begin(ProofSystemId.LigeroR1cs, parameters, claimed, context);
            var proof = LigeroProver.Prove(layout, system, witness, transcript, Forge);
            var result = LigeroProofSystem.VerifyPinned(claimed, system, parameters, proof, context);
            accepted += result.IsValid ? 1 : 0;
            linearFailures += result.Reason?.StartsWith("Linear test failed", StringComparison.Ordinal) == true ? 1 : 0;
        }

        // Every rejection comes from the linear test: the forgery is confined to it.
        Assert.Equal(Trials - accepted, linearFailures);
        var predicted = Choose(layout.D - 1, layout.Queries) / Choose(layout.N, layout.Queries);
        var sigma = Math.Sqrt(Trials * predicted * (1 - predicted));
        Assert.InRange(accepted, (Trials * predicted) - (4 * sigma), (Trials * predicted) + (4 * sigma));
        Assert.True(predicted <= Math.Pow(0.5 + Math.Pow(2, -parameters.LogInverseRate), parameters.Queries));

        // The same forgery against the shipped 100-bit set: the predicted rate is below 2^-100; one try fails.
        var shipped = LigeroLayout.For(system, LigeroParameters.Bits100)!;
        Assert.True(Math.Log2(Choose(shipped.D - 1, shipped.Queries) / Choose(shipped.N, shipped.Queries)) < -100);
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 0; i < k; i++)
        {
            result *= (double)(n - i) / (k - i);
        }

        return result;
    }
}
