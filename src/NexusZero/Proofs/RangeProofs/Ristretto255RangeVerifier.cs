using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The range-proof verifier of <see cref="RangeProofProtocol"/> specialised to ristretto255: the same
/// transcript, checks and equation, on the internal scalar and point types, with the terms on
/// G, H, Gᵢ, Hᵢ added to the coefficients of precomputed fixed-base tables (<see cref="FixedBaseMsmBuilder"/>).
/// Verifier-only and variable time: every input is public.
/// </summary>
/// <remarks>
/// Fixed-term layout: index 0 is the Pedersen blinding base H, 1 + i is Gᵢ and 1 + N + i is Hᵢ for
/// the accumulator's N (<see cref="NewTerms"/>); the value base G is the generator term.
/// </remarks>
internal static class Ristretto255RangeVerifier
{
    private const int ElementLength = RistrettoEncoding.EncodedLength;
    private const int ScalarLength = Scalar.EncodedLength;

    /// <summary>Empty terms over H, G₀..G_{N−1}, H₀..H_{N−1} for proofs with N·m up to <paramref name="sharedN"/>.</summary>
    public static FixedBaseMsmBuilder NewTerms(int sharedN) =>
        new([BulletproofGeneratorTables.BlindingBase, .. BulletproofGeneratorTables.G(sharedN), .. BulletproofGeneratorTables.H(sharedN)]);

    /// <summary>
    /// Parses the proof (its length already checked) and adds β·(c·check₁ + check₂) to
    /// <paramref name="terms"/> with random 128-bit β and c; returns null, or why the proof is malformed.
    /// </summary>
    public static string? TryAccumulate(Transcript transcript, int n, IReadOnlyList<GroupElement> v, ReadOnlySpan<byte> proof, FixedBaseMsmBuilder terms, int sharedN)
    {
        var m = v.Count;
        var bigN = n * m;
        var rounds = RangeProofProtocol.Log2(bigN);
        Span<EdwardsPoint> points = stackalloc EdwardsPoint[4 + (2 * rounds)];
        for (var i = 0; i < 4; i++)
        {
            if (!TryPoint(proof, i, out points[i]))
            {
                return NotAnElement(i switch { 0 => "A", 1 => "S", 2 => "T1", _ => "T2" });
            }
        }

        var scalarsStart = 4 * ElementLength;
        if (!TryScalar(proof, scalarsStart, out var tauX))
        {
            return NotAScalar("tau_x");
        }

        if (!TryScalar(proof, scalarsStart + ScalarLength, out var mu))
        {
            return NotAScalar("mu");
        }

        if (!TryScalar(proof, scalarsStart + (2 * ScalarLength), out var tHat))
        {
            return NotAScalar("t_hat");
        }

        var roundsStart = scalarsStart + (3 * ScalarLength);
        for (var j = 0; j < 2 * rounds; j++)
        {
            if (!TryPoint(proof[roundsStart..], j, out points[4 + j]))
            {
                return NotAnElement($"{(j % 2 == 0 ? 'L' : 'R')}{j / 2}");
            }
        }

        var finalStart = roundsStart + (2 * rounds * ElementLength);
        if (!TryScalar(proof, finalStart, out var finalA))
        {
            return NotAScalar("a");
        }

        if (!TryScalar(proof, finalStart + ScalarLength, out var finalB))
        {
            return NotAScalar("b");
        }

        transcript.AppendMessage("bp-A"u8, proof[..ElementLength]);
        transcript.AppendMessage("bp-S"u8, proof.Slice(ElementLength, ElementLength));
        var y = Challenge(transcript, "bp-y"u8);
        var z = Challenge(transcript, "bp-z"u8);
        transcript.AppendMessage("bp-T1"u8, proof.Slice(2 * ElementLength, ElementLength));
        transcript.AppendMessage("bp-T2"u8, proof.Slice(3 * ElementLength, ElementLength));
        var x = Challenge(transcript, "bp-x"u8);
        transcript.AppendMessage("bp-taux"u8, proof.Slice(scalarsStart, ScalarLength));
        transcript.AppendMessage("bp-mu"u8, proof.Slice(scalarsStart + ScalarLength, ScalarLength));
        transcript.AppendMessage("bp-that"u8, proof.Slice(scalarsStart + (2 * ScalarLength), ScalarLength));
        var w = Challenge(transcript, "bp-w"u8);
        if (y.IsZero() == 1)
        {
            return "The challenge y is zero.";
        }

        // inverses[0] = 1/y, inverses[1 + j] = 1/u_j after one shared inversion.
        Span<Scalar> u = stackalloc Scalar[rounds];
        Span<Scalar> inverses = stackalloc Scalar[rounds + 1];
        inverses[0] = y;
        for (var j = 0; j < rounds; j++)
        {
            var pair = proof.Slice(roundsStart + (2 * j * ElementLength), 2 * ElementLength);
            transcript.AppendMessage(InnerProductArgument.LLabel, pair[..ElementLength]);
            transcript.AppendMessage(InnerProductArgument.RLabel, pair[ElementLength..]);
            u[j] = Challenge(transcript, InnerProductArgument.ChallengeLabel);
            if (u[j].IsZero() == 1)
            {
                return "An inner-product challenge is zero.";
            }

            inverses[1 + j] = u[j];
        }

        BatchInvert(inverses);
        Accumulate(terms, n, m, sharedN, points, v, new Challenges(y, z, x, w, u, inverses), new Responses(tauX, mu, tHat, finalA, finalB));
        return null;
    }

    private static void Accumulate(FixedBaseMsmBuilder terms, int n, int m, int sharedN, ReadOnlySpan<EdwardsPoint> points, IReadOnlyList<GroupElement> v, in Challenges ch, in Responses r)
    {
        var rounds = ch.U.Length;
        var beta = NextWeight();
        var c = NextWeight();
        var betaC = beta * c;
        var z = ch.Z;
        var z2 = z * z;

        // δ(y, z) = (z − z²)·Σ_{i<N} yⁱ − Σⱼ z^(3+j)·(2ⁿ − 1), with Σ_{i<2^k} yⁱ = Π_{t<k} (1 + y^(2^t)).
        var sumY = Scalar.One;
        var ySquarings = ch.Y;
        for (var t = 0; t < rounds; t++)
        {
            sumY *= Scalar.One + ySquarings;
            ySquarings = ySquarings.Square();
        }

        var twoNMinusOne = Scalar.FromUInt64(n == 64 ? ulong.MaxValue : (1UL << n) - 1);
        var delta = (z - z2) * sumY;
        var zPower = z2 * z;
        var sumZ = Scalar.Zero;
        for (var j = 0; j < m; j++)
        {
            sumZ += zPower;
            zPower *= z;
        }

        delta -= sumZ * twoNMinusOne;

        var ab = r.A * r.B;
        terms.BaseScalar += beta * ((ch.W * (r.THat - ab)) + (c * (r.THat - delta)));
        var fixedScalars = terms.FixedScalars;
        fixedScalars[0] += beta * ((c * r.TauX) - r.Mu);

        var betaX = beta * ch.X;
        var betaCX = betaC * ch.X;
        terms.AddVariable(beta, points[0]);
        terms.AddVariable(betaX, points[1]);
        terms.AddVariable(-betaCX, points[2]);
        terms.AddVariable(-(betaCX * ch.X), points[3]);
        var zj = betaC * z2;
        for (var j = 0; j < m; j++)
        {
            terms.AddVariable(-zj, ((Ristretto255Element)v[j]).Point);
            zj *= z;
        }

        for (var j = 0; j < rounds; j++)
        {
            var uInverse = ch.Inverses[1 + j];
            terms.AddVariable(beta * ch.U[j].Square(), points[4 + (2 * j)]);
            terms.AddVariable(beta * uInverse.Square(), points[5 + (2 * j)]);
        }

        AccumulateGenerators(terms.FixedScalars, n, m, sharedN, beta, ch, r);
    }

    /// <summary>
    /// Adds the coefficients of Gᵢ, −(βz + βa·sᵢ), and of Hᵢ, βz + β·y⁻ⁱ·z^(2+j)·2^k − βb·y⁻ⁱ·s_{N−1−i}
    /// for i = j·n + k, where sᵢ = Π u_t^(±1) (+ where the matching bit of i is set).
    /// </summary>
    /// <remarks>
    /// Each product sequence is a recurrence with one multiplication per index, by a factor held in
    /// Montgomery form (x·R), so a single Montgomery multiplication gives the plain product:
    /// aᵢ = βa·sᵢ = a_{i−2^t}·u² and cᵢ = βb·y⁻ⁱ·s_{N−1−i} = c_{i−2^t}·y^(−2^t)·u⁻² for the top bit 2^t
    /// of i and its challenge u = u_{rounds−1−t} (setting bit t multiplies sᵢ by u² and divides s_{N−1−i}
    /// by it), and
    /// dᵢ = β·y⁻ⁱ·z^(2+j)·2^k steps by 2/y inside a block and by z·y⁻ⁿ from block to block.
    /// </remarks>
    private static void AccumulateGenerators(Span<Scalar> fixedScalars, int n, int m, int sharedN, in Scalar beta, in Challenges ch, in Responses r)
    {
        var bigN = n * m;
        var rounds = ch.U.Length;
        var a = ArrayPool<Scalar>.Shared.Rent(bigN);
        var c = ArrayPool<Scalar>.Shared.Rent(bigN);
        try
        {
            // s₀ = Π u⁻¹ and s_{N−1} = Π u.
            var s0 = Scalar.One;
            var sLast = Scalar.One;
            for (var j = 0; j < rounds; j++)
            {
                s0 *= ch.Inverses[1 + j];
                sLast *= ch.U[j];
            }

            // Bit t of the index pairs with challenge u_{rounds−1−t}.
            Span<Scalar> aFactor = stackalloc Scalar[rounds];
            Span<Scalar> cFactor = stackalloc Scalar[rounds];
            var yInversePower = ch.Inverses[0];
            for (var t = 0; t < rounds; t++)
            {
                var uSquared = ch.U[rounds - 1 - t].Square();
                var uInverseSquared = ch.Inverses[rounds - t].Square();
                aFactor[t] = uSquared.ToMontgomery();
                cFactor[t] = (yInversePower * uInverseSquared).ToMontgomery();
                yInversePower = yInversePower.Square();
            }

            a[0] = beta * r.A * s0;
            c[0] = beta * r.B * sLast;
            for (var i = 1; i < bigN; i++)
            {
                var t = 31 - int.LeadingZeroCount(i);
                a[i] = Scalar.MontgomeryMultiply(a[i - (1 << t)], aFactor[t]);
                c[i] = Scalar.MontgomeryMultiply(c[i - (1 << t)], cFactor[t]);
            }

            var betaZ = beta * ch.Z;
            var yInverse = ch.Inverses[0];
            var twoOverY = (yInverse + yInverse).ToMontgomery();

            // y⁻ⁿ·z: from the start of block j to the start of block j + 1.
            var blockStep = ch.Z;
            var yInverseN = yInverse;
            for (var bit = 1; bit < n; bit <<= 1)
            {
                yInverseN = yInverseN.Square();
            }

            blockStep = (blockStep * yInverseN).ToMontgomery();
            var blockStart = beta * ch.Z * ch.Z;
            for (var j = 0; j < m; j++)
            {
                var d = blockStart;
                for (var k = 0; k < n; k++)
                {
                    var i = (j * n) + k;
                    fixedScalars[1 + i] -= betaZ + a[i];
                    fixedScalars[1 + sharedN + i] += betaZ + (d - c[i]);
                    d = Scalar.MontgomeryMultiply(d, twoOverY);
                }

                blockStart = Scalar.MontgomeryMultiply(blockStart, blockStep);
            }
        }
        finally
        {
            ArrayPool<Scalar>.Shared.Return(a);
            ArrayPool<Scalar>.Shared.Return(c);
        }
    }

    /// <summary>A fresh random 128-bit weight from the OS CSPRNG (see <see cref="Sigma.MsmAccumulator.NextWeight"/>).</summary>
    private static Scalar NextWeight()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return new Scalar(BinaryPrimitives.ReadUInt64LittleEndian(random), BinaryPrimitives.ReadUInt64LittleEndian(random[8..]), 0, 0);
    }

    /// <summary>Replaces every (non-zero) value by its inverse with one field inversion (Montgomery's trick).</summary>
    private static void BatchInvert(Span<Scalar> values)
    {
        Span<Scalar> prefix = stackalloc Scalar[values.Length];
        var acc = Scalar.One;
        for (var i = 0; i < values.Length; i++)
        {
            prefix[i] = acc;
            acc *= values[i];
        }

        var inverse = acc.Invert();
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var value = values[i];
            values[i] = inverse * prefix[i];
            inverse *= value;
        }
    }

    private static Scalar Challenge(Transcript transcript, ReadOnlySpan<byte> label)
    {
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes(label, wide);
        return Scalar.FromBytesModOrderWide(wide);
    }

    private static bool TryPoint(ReadOnlySpan<byte> source, int index, out EdwardsPoint point) =>
        RistrettoEncoding.TryDecode(source.Slice(index * ElementLength, ElementLength), out point) && RistrettoEncoding.IsIdentity(point) == 0;

    private static bool TryScalar(ReadOnlySpan<byte> source, int offset, out Scalar scalar) =>
        Scalar.TryFromCanonicalBytes(source.Slice(offset, ScalarLength), out scalar) == 1;

    private static string NotAnElement(string name) => $"{name} is not a canonical, non-identity ristretto255 element.";

    private static string NotAScalar(string name) => $"{name} is not a canonical ristretto255 scalar.";

    private readonly ref struct Challenges(Scalar y, Scalar z, Scalar x, Scalar w, ReadOnlySpan<Scalar> u, ReadOnlySpan<Scalar> inverses)
    {
        public Scalar Y { get; } = y;

        public Scalar Z { get; } = z;

        public Scalar X { get; } = x;

        public Scalar W { get; } = w;

        public ReadOnlySpan<Scalar> U { get; } = u;

        /// <summary>1/y, then 1/u_j.</summary>
        public ReadOnlySpan<Scalar> Inverses { get; } = inverses;
    }

    private readonly record struct Responses(Scalar TauX, Scalar Mu, Scalar THat, Scalar A, Scalar B);
}
