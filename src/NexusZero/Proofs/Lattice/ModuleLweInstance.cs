using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>Creates Module-LWE statements with their witnesses.</summary>
public static class ModuleLweInstance
{
    /// <summary>
    /// Derives an instance deterministically from a 32-byte <paramref name="seed"/>:
    /// (ρ, σ) = SHAKE256("NexusZero/MLWE/v1" ‖ seed ‖ k ‖ l ‖ η), s1, s2 uniform in [−η, η] from σ, A = ExpandA(ρ),
    /// t = A·s1 + s2. The seed is secret: anyone holding it knows the witness.
    /// </summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes or the shape is out of range.</exception>
    public static (ModuleLweStatement Statement, ModuleLweWitness Witness) FromSeed(ReadOnlySpan<byte> seed, int k, int l, int eta)
    {
        ModuleLweStatement.CheckShape(k, l, eta);
        if (seed.Length != 32)
        {
            throw new ArgumentException($"The instance seed is 32 bytes, got {seed.Length}.", nameof(seed));
        }

        Span<byte> expanded = stackalloc byte[64];
        try
        {
            using (Shake shake = Shake.Create256())
            {
                shake.Absorb("NexusZero/MLWE/v1"u8);
                shake.Absorb(seed);
                shake.Absorb([(byte)k, (byte)l, (byte)eta]);
                shake.Squeeze(expanded);
            }

            var s1 = new PolynomialVector(l);
            var s2 = new PolynomialVector(k);
            ModuleLweRelation.SampleShort(expanded[32..], 1, eta, s1);
            ModuleLweRelation.SampleShort(expanded[32..], 2, eta, s2);
            return Build(expanded[..32], k, l, eta, s1, s2);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
        }
    }

    /// <summary>A fresh random instance.</summary>
    /// <exception cref="ArgumentException">The shape is out of range.</exception>
    public static (ModuleLweStatement Statement, ModuleLweWitness Witness) Generate(int k, int l, int eta)
    {
        Span<byte> seed = stackalloc byte[32];
        try
        {
            RandomNumberGenerator.Fill(seed);
            return FromSeed(seed, k, l, eta);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The statement for a given ρ and witness (t = A(ρ)·s1 + s2).</summary>
    /// <exception cref="ArgumentException">The seed, the shape or the witness coefficients are out of range.</exception>
    public static ModuleLweStatement StatementFor(ReadOnlySpan<byte> rho, int eta, ModuleLweWitness witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        int k = witness.S2.Length;
        int l = witness.S1.Length;
        ModuleLweStatement.CheckShape(k, l, eta);
        if (rho.Length != 32)
        {
            throw new ArgumentException($"The seed ρ is 32 bytes, got {rho.Length}.", nameof(rho));
        }

        if (!ModuleLweRelation.IsShort(witness.S1, eta) || !ModuleLweRelation.IsShort(witness.S2, eta))
        {
            throw new ArgumentException($"Witness coefficients must lie in [−{eta}, {eta}].", nameof(witness));
        }

        var t = new PolynomialVector(k);
        ModuleLweRelation.Evaluate(UniformSampler.ExpandA(rho, k, l), witness.S1, witness.S2, t);
        return ModuleLweStatement.FromParts(rho, k, l, eta, t);
    }

    private static (ModuleLweStatement, ModuleLweWitness) Build(ReadOnlySpan<byte> rho, int k, int l, int eta, PolynomialVector s1, PolynomialVector s2)
    {
        var witness = new ModuleLweWitness(s1, s2);
        return (StatementFor(rho, eta, witness), witness);
    }
}
