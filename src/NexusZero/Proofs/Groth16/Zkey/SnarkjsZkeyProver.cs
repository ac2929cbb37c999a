using NexusZero.Circuits;
using NexusZero.Compute;
using NexusZero.Diagnostics;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// Proves with a snarkjs .zkey and a witness (a .wtns), as `snarkjs groth16 prove` does, so that snarkjs and any
/// EIP-197 verifier accept the proof. The quotient follows the key's H points: they are [L'₂ᵢ₊₁(τ)/δ]₁, the odd-index
/// Lagrange basis of the domain of size 2n, so the prover needs P = A·B − C at the odd points ω₂ₙ·ωₙⁱ, not h = P/Z:
/// each of A, B, C goes to coefficients (inverse NTT of size n), is scaled by ω₂ₙⁱ and evaluated again (NTT of size n).
/// Σᵢ P(ω₂ₙ²ⁱ⁺¹)·L'₂ᵢ₊₁(τ) = P(τ) = h(τ)·Z(τ) because P has degree below 2n and vanishes on the even points.
/// </summary>
public static class SnarkjsZkeyProver
{
    /// <summary>Proves that <paramref name="witness"/> (all variables in wire order, index 0 = 1) satisfies the key's circuit.</summary>
    /// <param name="key">The proving key.</param>
    /// <param name="witness">The full witness, as a .wtns holds it.</param>
    /// <returns>The proof, already checked against the key's verifying key.</returns>
    /// <exception cref="ArgumentException">The witness has the wrong length or does not start with 1.</exception>
    /// <exception cref="NexusZeroException">
    /// The witness does not satisfy the circuit (or the proving key's query points are corrupt): the proof does not verify
    /// (<see cref="NexusZeroErrorKind.ValidationFailed"/>). A .zkey holds no C matrix, so the failing constraint cannot be
    /// named here; check the witness against the .r1cs with <c>ConstraintSystem.IsSatisfied</c> for that.
    /// </exception>
    public static Groth16Proof Prove(SnarkjsZkey key, IReadOnlyList<FieldElement> witness)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Count != key.VariableCount)
        {
            throw new ArgumentException($"The witness has {witness.Count} values; the key's circuit has {key.VariableCount} variables.", nameof(witness));
        }

        if (witness[0] != FieldElement.One)
        {
            throw new ArgumentException("The witness must start with the constant 1.", nameof(witness));
        }

        var z = new Fr[witness.Count];
        Fr[]? p = null;
        var r = Groth16DevelopmentSetup.RandomNonZero();
        var s = Groth16DevelopmentSetup.RandomNonZero();
        try
        {
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = witness[i].Value;
            }

            p = OddCosetNumerator(key, z);
            var vk = key.VerifyingKey;
            var compute = ComputeRouter.Current;
            var a = vk.Alpha + compute.MultiplyG1(z, key.A1, DataSecrecy.Secret) + key.Delta1.Multiply(r);
            var b2 = vk.Beta + compute.MultiplyG2(z, key.B2, DataSecrecy.Secret) + vk.Delta.Multiply(s);
            var b1 = key.Beta1 + compute.MultiplyG1(z, key.B1, DataSecrecy.Secret) + key.Delta1.Multiply(s);
            var c = compute.MultiplyG1(z.AsSpan(key.PublicCount + 1), key.C1, DataSecrecy.Secret)
                + compute.MultiplyG1(p, key.H1, DataSecrecy.Secret)
                + a.Multiply(s)
                + b1.Multiply(r)
                - key.Delta1.Multiply(r * s);
            var proof = new Groth16Proof(a, b2, c);

            // Without the C matrix the prover cannot check the witness first; one verification (about 9 ms) makes sure no
            // unsatisfied witness or corrupt key ever yields a proof that leaves this method.
            var publics = new FieldElement[key.PublicCount];
            for (var i = 0; i < publics.Length; i++)
            {
                publics[i] = witness[i + 1];
            }

            var verdict = Groth16Verifier.Verify(vk, publics, proof);
            if (!verdict.IsValid)
            {
                throw new NexusZeroException(
                    NexusZeroErrorKind.ValidationFailed,
                    "The witness does not satisfy the circuit this .zkey was made for (the proof it gives does not verify); check it against the .r1cs to find the constraint.");
            }

            return proof;
        }
        finally
        {
            Array.Clear(z);
            if (p is not null)
            {
                Array.Clear(p);
            }

            r = s = Fr.Zero;
        }
    }

    /// <summary>(A·z)(B·z) − (C·z) at the odd points of the 2n domain, with C·z taken as (A·z)∘(B·z) on the rows as snarkjs does.</summary>
    internal static Fr[] OddCosetNumerator(SnarkjsZkey key, ReadOnlySpan<Fr> z)
    {
        var domain = new FrDomain(key.DomainLogSize);
        var a = new Fr[domain.Size];
        var b = new Fr[domain.Size];
        var c = new Fr[domain.Size];
        try
        {
            foreach (var coefficient in key.Coefficients)
            {
                var target = coefficient.Matrix == 0 ? a : b;
                target[coefficient.Constraint] += coefficient.Value * z[coefficient.Signal];
            }

            for (var i = 0; i < c.Length; i++)
            {
                c[i] = a[i] * b[i];
            }

            var shift = new FrDomain(key.DomainLogSize + 1).Generator;
            var compute = ComputeRouter.Current;
            Parallel.Invoke(
                () => ToOddPoints(compute, domain, shift, a),
                () => ToOddPoints(compute, domain, shift, b),
                () => ToOddPoints(compute, domain, shift, c));
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = (a[i] * b[i]) - c[i];
            }

            return a;
        }
        finally
        {
            Array.Clear(b);
            Array.Clear(c);
        }
    }

    private static void ToOddPoints(ComputeRouter compute, FrDomain domain, Fr shift, Fr[] values)
    {
        compute.TransformFr(domain, values, FrTransform.Inverse, DataSecrecy.Secret);
        var power = Fr.One;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= power;
            power *= shift;
        }

        compute.TransformFr(domain, values, FrTransform.Forward, DataSecrecy.Secret);
    }
}
