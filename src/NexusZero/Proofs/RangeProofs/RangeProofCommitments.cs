using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The range prover's commitments to secrets: A (to the bits), S (to the blinding vectors) and
/// T = t·B + τ·H, all constant time in the secrets. On ristretto255 they use the generators' cached
/// <see cref="BulletproofConstantTimeTables"/> (no per-call tables, mixed additions); other groups use
/// <see cref="ConstantTimeGroupOps"/>.
/// </summary>
internal static class RangeProofCommitments
{
    /// <summary>A = α·H + Σᵢ (bitᵢ ? Gᵢ : −Hᵢ), each term picked by a masked select (no branch on a bit).</summary>
    public static GroupElement Bits(IPrimeOrderGroup group, GroupScalar alpha, ReadOnlySpan<ulong> bits)
    {
        var bigN = bits.Length;
        if (group.Id == GroupId.Ristretto255)
        {
            var gTables = BulletproofConstantTimeTables.G(bigN);
            var hTables = BulletproofConstantTimeTables.H(bigN);
            var acc = Multiply([((Ristretto255Scalar)alpha).Value], [BulletproofConstantTimeTables.BlindingBase]);
            for (var i = 0; i < bigN; i++)
            {
                var term = hTables[i].Multiples[0];
                term.ConditionalNegate(1);
                term.ConditionalAssign(gTables[i].Multiples[0], bits[i]);
                acc = CompletedPoint.Add(acc, term).ToExtended();
            }

            return new Ristretto255Element(acc);
        }

        var gVector = BulletproofGenerators.G(group, bigN);
        var hVector = BulletproofGenerators.H(group, bigN);
        var a = alpha * PedersenGenerators.BlindingBase(group);
        for (var i = 0; i < bigN; i++)
        {
            a += ConstantTimeGroupOps.Select(bits[i], gVector[i], -hVector[i]);
        }

        return a;
    }

    /// <summary>S = ρ·H + ⟨s_L, G⟩ + ⟨s_R, H⟩.</summary>
    public static GroupElement Vectors(IPrimeOrderGroup group, GroupScalar rho, IReadOnlyList<GroupScalar> sL, IReadOnlyList<GroupScalar> sR)
    {
        var bigN = sL.Count;
        if (group.Id == GroupId.Ristretto255)
        {
            var scalars = new Scalar[(2 * bigN) + 1];
            var tables = new ConstantTimeTable[(2 * bigN) + 1];
            try
            {
                scalars[0] = ((Ristretto255Scalar)rho).Value;
                tables[0] = BulletproofConstantTimeTables.BlindingBase;
                BulletproofConstantTimeTables.G(bigN).CopyTo(tables.AsSpan(1));
                BulletproofConstantTimeTables.H(bigN).CopyTo(tables.AsSpan(1 + bigN));
                for (var i = 0; i < bigN; i++)
                {
                    scalars[1 + i] = ((Ristretto255Scalar)sL[i]).Value;
                    scalars[1 + bigN + i] = ((Ristretto255Scalar)sR[i]).Value;
                }

                return new Ristretto255Element(ConstantTimeMsm.Multiply(scalars, tables));
            }
            finally
            {
                Array.Clear(scalars);
            }
        }

        var sScalars = new List<GroupScalar>((2 * bigN) + 1) { rho };
        var sPoints = new List<GroupElement>((2 * bigN) + 1) { PedersenGenerators.BlindingBase(group) };
        sScalars.AddRange(sL);
        sScalars.AddRange(sR);
        sPoints.AddRange(BulletproofGenerators.G(group, bigN).ToArray());
        sPoints.AddRange(BulletproofGenerators.H(group, bigN).ToArray());
        return ConstantTimeGroupOps.MultiScalarMultiply(group, sScalars, sPoints);
    }

    /// <summary>T = t·B + τ·H.</summary>
    public static GroupElement Blinded(IPrimeOrderGroup group, GroupScalar t, GroupScalar tau)
    {
        if (group.Id == GroupId.Ristretto255)
        {
            var tValue = ((Ristretto255Scalar)t).Value;
            try
            {
                var tB = ScalarMultiplication.MultiplyBase(tValue);
                var tauH = Multiply([((Ristretto255Scalar)tau).Value], [BulletproofConstantTimeTables.BlindingBase]);
                return new Ristretto255Element(tB.Add(tauH));
            }
            finally
            {
                tValue.Clear();
            }
        }

        return group.MultiplyBase(t) + (tau * PedersenGenerators.BlindingBase(group));
    }

    /// <summary>The constant-time MSM, clearing the caller's scalar copies afterwards.</summary>
    private static EdwardsPoint Multiply(Span<Scalar> scalars, ReadOnlySpan<ConstantTimeTable> tables)
    {
        try
        {
            return ConstantTimeMsm.Multiply(scalars, tables);
        }
        finally
        {
            scalars.Clear();
        }
    }
}
