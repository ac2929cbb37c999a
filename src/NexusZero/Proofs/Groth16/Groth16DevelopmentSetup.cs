using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// <b>Development only.</b> A circuit-specific Groth16 setup from local randomness: whoever runs it knows
/// the toxic waste (τ, α, β, γ, δ) only until it is wiped here, but nobody else can check that, so a key
/// made this way convinces only the party that made it. Production keys come from a Powers of Tau
/// ceremony and a phase-2 contribution (snarkjs's `.ptau` / `.zkey` flow). The name says so on purpose.
/// </summary>
public static class Groth16DevelopmentSetup
{
    /// <summary>The largest circuit this setup accepts (rows incl. public-input rows): 2^20.</summary>
    public const int MaxRows = 1 << 20;

    /// <summary>Creates a proving key (with its verifying key) for <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentException">The system has more than <see cref="MaxRows"/> rows.</exception>
    public static Groth16ProvingKey CreateKeys(ConstraintSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var rows = Groth16Qap.RowCount(system);
        if (rows > MaxRows)
        {
            throw new ArgumentException($"The constraint system needs {rows} rows; the development setup supports at most {MaxRows}.", nameof(system));
        }

        var domain = Groth16Qap.Domain(system);
        Fr tau, alpha, beta, gamma, delta;
        do
        {
            tau = RandomNonZero();
        }
        while (IsInDomain(tau, domain));

        alpha = RandomNonZero();
        beta = RandomNonZero();
        gamma = RandomNonZero();
        delta = RandomNonZero();
        var lagrange = domain.LagrangeAt(tau);
        var (u, v, w) = Groth16Qap.AtTau(system, lagrange);
        Array.Clear(lagrange);

        // Every point is a multiple of a generator by a secret: constant-time fixed-base tables (FixedBaseTable).
        var g1 = new FixedBaseTable<Fp, G1Curve>(Bn254Encoding.G1Generator);
        var g2 = new FixedBaseTable<Fp2, G2Curve>(Bn254Encoding.G2Generator);
        var gammaInverse = gamma.Invert();
        var deltaInverse = delta.Invert();
        var publicCount = system.PublicCount;

        var a1 = new G1Point[system.VariableCount];
        var b1 = new G1Point[system.VariableCount];
        var b2 = new G2Point[system.VariableCount];
        var ic = new G1Point[publicCount + 1];
        var l1 = new G1Point[system.VariableCount - publicCount - 1];
        // One worker per core: left to the thread pool, a 2^20 setup on a busy machine grew to 200 threads.
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, system.VariableCount, cores, i =>
        {
            a1[i] = g1.Multiply(u[i]);
            b1[i] = g1.Multiply(v[i]);
            b2[i] = g2.Multiply(v[i]);
            var combined = (beta * u[i]) + (alpha * v[i]) + w[i];
            if (i <= publicCount)
            {
                ic[i] = g1.Multiply(combined * gammaInverse);
            }
            else
            {
                l1[i - publicCount - 1] = g1.Multiply(combined * deltaInverse);
            }
        });

        // [τʲ·Z(τ)/δ]₁ for j < n − 1, Z(τ) = τⁿ − 1.
        var tauToN = tau;
        for (var i = 0; i < domain.LogSize; i++)
        {
            tauToN = tauToN.Square();
        }

        var zOverDelta = (tauToN - Fr.One) * deltaInverse;
        var powers = new Fr[Math.Max(0, domain.Size - 1)];
        var power = zOverDelta;
        for (var j = 0; j < powers.Length; j++)
        {
            powers[j] = power;
            power *= tau;
        }

        var h1 = new G1Point[powers.Length];
        Parallel.For(0, powers.Length, cores, j => h1[j] = g1.Multiply(powers[j]));

        var verifyingKey = new Groth16VerifyingKey(g1.Multiply(alpha), g2.Multiply(beta), g2.Multiply(gamma), g2.Multiply(delta), ic);
        var key = new Groth16ProvingKey(verifyingKey, domain.LogSize, g1.Multiply(alpha), g1.Multiply(beta), g1.Multiply(delta), a1, b1, b2, l1, h1);

        // The toxic waste: nothing of it may outlive the setup.
        Array.Clear(u);
        Array.Clear(v);
        Array.Clear(w);
        Array.Clear(powers);
        tau = alpha = beta = gamma = delta = gammaInverse = deltaInverse = zOverDelta = power = tauToN = Fr.Zero;
        return key;
    }

    private static bool IsInDomain(Fr tau, FrDomain domain)
    {
        var x = tau;
        for (var i = 0; i < domain.LogSize; i++)
        {
            x = x.Square();
        }

        return x == Fr.One;
    }

    /// <summary>A uniform non-zero element of Fr from the OS CSPRNG, by rejection: 254 random bits, kept when below r.</summary>
    internal static Fr RandomNonZero()
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                bytes[0] &= 0x3F;
                if (Fr.TryFromBigEndian(bytes, out var value) && !value.IsZero)
                {
                    return value;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
