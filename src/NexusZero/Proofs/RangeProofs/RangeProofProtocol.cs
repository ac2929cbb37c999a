using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Proofs.Sigma;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The aggregated Bulletproofs range proof (Bünz et al. 2018, sections 4.1–4.3) for m values of n bits
/// each, N = n·m. Proof layout: A ‖ S ‖ T₁ ‖ T₂ ‖ τₓ ‖ μ ‖ t̂ ‖ (Lⱼ ‖ Rⱼ) for j = 1..log₂N ‖ a ‖ b:
/// (2·log₂N + 4) elements and 5 scalars, 32·(2·log₂N + 9) bytes on ristretto255.
/// </summary>
/// <remarks>
/// Secrets (values, blindings, a_L, a_R, s_L, s_R, α, ρ, τ₁, τ₂) only meet constant-time code:
/// A is α·H plus a masked select of Gᵢ or −Hᵢ per bit, S a constant-time multi-scalar
/// multiplication, T₁ and T₂ constant-time multiplications, and all scalar arithmetic is fixed-limb.
/// The inner-product argument runs variable time on l(x) and r(x), which the protocol may reveal.
/// </remarks>
internal static class RangeProofProtocol
{
    /// <summary>The proof length for N = n·m on <paramref name="group"/>.</summary>
    public static int ProofLength(IPrimeOrderGroup group, int n, int m)
    {
        var rounds = Log2(n * m);
        return ((2 * rounds) + 4) * group.ElementLength + (5 * group.ScalarLength);
    }

    /// <summary>
    /// Proves that every value lies in [0, 2^<paramref name="n"/>). <paramref name="randomness"/> feeds
    /// the nonce RNG (the OS CSPRNG when null); tests pass a fixed source to get reproducible proofs.
    /// </summary>
    public static byte[] Prove(Transcript transcript, IPrimeOrderGroup group, int n, IReadOnlyList<ulong> values, IReadOnlyList<GroupScalar> blindings, RandomNumberGenerator? randomness = null)
    {
        var m = values.Count;
        var bigN = n * m;

        var secrets = new List<GroupScalar>();
        try
        {
            using var rng = NonceRng(transcript, group, values, blindings, randomness);
            GroupScalar Random()
            {
                var s = SigmaProtocol.NextScalar(group, rng);
                secrets.Add(s);
                return s;
            }

            // a_L: the bits of every value; a_R = a_L − 1. A = α·H + Σ (bit ? Gᵢ : −Hᵢ), masked.
            var bits = new ulong[bigN];
            for (var j = 0; j < m; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    bits[(j * n) + k] = (values[j] >> k) & 1;
                }
            }

            var alpha = Random();
            var a = RangeProofCommitments.Bits(group, alpha, bits);

            var sL = new GroupScalar[bigN];
            var sR = new GroupScalar[bigN];
            for (var i = 0; i < bigN; i++)
            {
                sL[i] = Random();
                sR[i] = Random();
            }

            var rho = Random();
            var s = RangeProofCommitments.Vectors(group, rho, sL, sR);

            var aBytes = a.ToBytes();
            var sBytes = s.ToBytes();
            transcript.AppendMessage("bp-A"u8, aBytes);
            transcript.AppendMessage("bp-S"u8, sBytes);
            var y = Challenge(transcript, "bp-y"u8, group);
            var z = Challenge(transcript, "bp-z"u8, group);

            // l(X) = (a_L − z·1) + s_L·X; r(X) = yᴺ∘(a_R + z·1 + s_R·X) + Σⱼ z^(2+j)·(0‖2ⁿ‖0).
            var l0 = new GroupScalar[bigN];
            var r0 = new GroupScalar[bigN];
            var r1 = new GroupScalar[bigN];
            var one = group.ScalarOne;
            var yPower = group.ScalarOne;
            var zPower = z * z;
            for (var j = 0; j < m; j++)
            {
                var twoPower = group.ScalarOne;
                for (var k = 0; k < n; k++)
                {
                    var i = (j * n) + k;
                    var bit = ConstantTimeGroupOps.ScalarFromUInt64(group, bits[i]);
                    secrets.Add(bit);
                    l0[i] = bit - z;
                    r0[i] = (yPower * (bit - one + z)) + (zPower * twoPower);
                    r1[i] = yPower * sR[i];
                    secrets.Add(l0[i]);
                    secrets.Add(r0[i]);
                    secrets.Add(r1[i]);
                    yPower *= y;
                    twoPower += twoPower;
                }

                zPower *= z;
            }

            Array.Clear(bits);
            var t1 = InnerProductArgument.InnerProduct(l0, r1, group) + InnerProductArgument.InnerProduct(sL, r0, group);
            var t2 = InnerProductArgument.InnerProduct(sL, r1, group);
            secrets.Add(t1);
            secrets.Add(t2);
            var tau1 = Random();
            var tau2 = Random();
            var bigT1 = RangeProofCommitments.Blinded(group, t1, tau1);
            var bigT2 = RangeProofCommitments.Blinded(group, t2, tau2);
            var t1Bytes = bigT1.ToBytes();
            var t2Bytes = bigT2.ToBytes();
            transcript.AppendMessage("bp-T1"u8, t1Bytes);
            transcript.AppendMessage("bp-T2"u8, t2Bytes);
            var x = Challenge(transcript, "bp-x"u8, group);

            var l = new GroupScalar[bigN];
            var r = new GroupScalar[bigN];
            for (var i = 0; i < bigN; i++)
            {
                l[i] = l0[i] + (sL[i] * x);
                r[i] = r0[i] + (r1[i] * x);
            }

            var tHat = InnerProductArgument.InnerProduct(l, r, group);
            var tauX = (tau2 * x * x) + (tau1 * x);
            var zBlind = z * z;
            for (var j = 0; j < m; j++)
            {
                tauX += zBlind * blindings[j];
                zBlind *= z;
            }

            var mu = alpha + (rho * x);
            var tauXBytes = tauX.ToBytes();
            var muBytes = mu.ToBytes();
            var tHatBytes = tHat.ToBytes();
            transcript.AppendMessage("bp-taux"u8, tauXBytes);
            transcript.AppendMessage("bp-mu"u8, muBytes);
            transcript.AppendMessage("bp-that"u8, tHatBytes);
            var w = Challenge(transcript, "bp-w"u8, group);

            var hFactors = new GroupScalar[bigN];
            var yInverse = y.Invert();
            hFactors[0] = group.ScalarOne;
            for (var i = 1; i < bigN; i++)
            {
                hFactors[i] = hFactors[i - 1] * yInverse;
            }

            var (lList, rList, finalA, finalB) = InnerProductArgument.Prove(transcript, group, w, hFactors, l, r);

            var proof = new byte[ProofLength(group, n, m)];
            var writer = new ProofWriter(proof, group);
            writer.Element(aBytes);
            writer.Element(sBytes);
            writer.Element(t1Bytes);
            writer.Element(t2Bytes);
            writer.Scalar(tauXBytes);
            writer.Scalar(muBytes);
            writer.Scalar(tHatBytes);
            for (var j = 0; j < lList.Count; j++)
            {
                writer.Element(lList[j].ToBytes());
                writer.Element(rList[j].ToBytes());
            }

            writer.Scalar(finalA.ToBytes());
            writer.Scalar(finalB.ToBytes());
            return proof;
        }
        finally
        {
            foreach (var secret in secrets)
            {
                secret.Dispose();
            }
        }
    }

    /// <summary>
    /// Parses the proof for the commitments <paramref name="v"/> and adds β·(c·check₁ + check₂) to
    /// <paramref name="msm"/> (shared bases: G, H, G₀..G_{sharedN−1}, H₀..H_{sharedN−1}), with random β and c. Verifier-only.
    /// </summary>
    public static string? TryAccumulate(Transcript transcript, IPrimeOrderGroup group, int n, IReadOnlyList<GroupElement> v, ReadOnlySpan<byte> proof, MsmAccumulator msm, int sharedN)
    {
        var m = v.Count;
        var bigN = n * m;
        var rounds = Log2(bigN);
        var expected = ProofLength(group, n, m);
        if (proof.Length != expected)
        {
            return $"A {n}-bit range proof for {m} value(s) on {group.Name} is {expected} bytes, not {proof.Length}.";
        }

        if (msm.FixedTerms is { } fixedTerms)
        {
            return Ristretto255RangeVerifier.TryAccumulate(transcript, n, v, proof, fixedTerms, sharedN);
        }

        var reader = new ProofReader(proof, group);
        if (!reader.Element("A", out var a) || !reader.Element("S", out var s) || !reader.Element("T1", out var t1) || !reader.Element("T2", out var t2)
            || !reader.Scalar("tau_x", out var tauX) || !reader.Scalar("mu", out var mu) || !reader.Scalar("t_hat", out var tHat))
        {
            return reader.Error;
        }

        var lList = new GroupElement[rounds];
        var rList = new GroupElement[rounds];
        for (var j = 0; j < rounds; j++)
        {
            if (!reader.Element("L", j, out lList[j]!) || !reader.Element("R", j, out rList[j]!))
            {
                return reader.Error;
            }
        }

        if (!reader.Scalar("a", out var finalA) || !reader.Scalar("b", out var finalB))
        {
            return reader.Error;
        }

        transcript.AppendMessage("bp-A"u8, proof[..group.ElementLength]);
        transcript.AppendMessage("bp-S"u8, proof.Slice(group.ElementLength, group.ElementLength));
        var y = Challenge(transcript, "bp-y"u8, group);
        var z = Challenge(transcript, "bp-z"u8, group);
        transcript.AppendMessage("bp-T1"u8, proof.Slice(2 * group.ElementLength, group.ElementLength));
        transcript.AppendMessage("bp-T2"u8, proof.Slice(3 * group.ElementLength, group.ElementLength));
        var x = Challenge(transcript, "bp-x"u8, group);
        var scalarsStart = 4 * group.ElementLength;
        transcript.AppendMessage("bp-taux"u8, proof.Slice(scalarsStart, group.ScalarLength));
        transcript.AppendMessage("bp-mu"u8, proof.Slice(scalarsStart + group.ScalarLength, group.ScalarLength));
        transcript.AppendMessage("bp-that"u8, proof.Slice(scalarsStart + (2 * group.ScalarLength), group.ScalarLength));
        var w = Challenge(transcript, "bp-w"u8, group);
        if (y.IsZero)
        {
            return "The challenge y is zero.";
        }

        if (!InnerProductArgument.TryVerificationScalars(transcript, group, lList, rList, bigN, out var u, out var uInverse, out var sVector))
        {
            return "An inner-product challenge is zero.";
        }

        var beta = msm.NextWeight();
        var c = msm.NextWeight();
        var betaC = beta * c;

        // δ(y, z) = (z − z²)·Σ yⁱ − Σⱼ z^(3+j)·(2ⁿ − 1).
        var z2 = z * z;
        var sumY = group.ScalarZero;
        var yPower = group.ScalarOne;
        for (var i = 0; i < bigN; i++)
        {
            sumY += yPower;
            yPower *= y;
        }

        var twoNMinusOne = ConstantTimeGroupOps.ScalarFromUInt64(group, n == 64 ? ulong.MaxValue : (1UL << n) - 1);
        var delta = (z - z2) * sumY;
        var zPower = z2 * z;
        for (var j = 0; j < m; j++)
        {
            delta -= zPower * twoNMinusOne;
            zPower *= z;
        }

        var ab = finalA * finalB;
        msm.AddToShared(0, beta * ((w * (tHat - ab)) + (c * (tHat - delta))));
        msm.AddToShared(1, beta * ((c * tauX) - mu));
        msm.AddDistinct(beta, a);
        msm.AddDistinct(beta * x, s);
        msm.AddDistinct(-(betaC * x), t1);
        msm.AddDistinct(-(betaC * x * x), t2);
        var zj = z2;
        for (var j = 0; j < m; j++)
        {
            msm.AddDistinct(-(betaC * zj), v[j]);
            zj *= z;
        }

        for (var j = 0; j < rounds; j++)
        {
            msm.AddDistinct(beta * u[j] * u[j], lList[j]);
            msm.AddDistinct(beta * uInverse[j] * uInverse[j], rList[j]);
        }

        var yInverse = y.Invert();
        var yInversePower = group.ScalarOne;
        var betaA = beta * finalA;
        var betaZ = beta * z;
        var zBlock = z2;
        for (var j = 0; j < m; j++)
        {
            var twoPower = group.ScalarOne;
            for (var k = 0; k < n; k++)
            {
                var i = (j * n) + k;
                msm.AddToShared(2 + i, -(betaZ + (betaA * sVector[i])));
                var hCoefficient = betaZ + (beta * yInversePower * ((zBlock * twoPower) - (finalB * sVector[bigN - 1 - i])));
                msm.AddToShared(2 + sharedN + i, hCoefficient);
                yInversePower *= yInverse;
                twoPower += twoPower;
            }

            zBlock *= z;
        }

        return null;
    }

    /// <summary>
    /// The accumulator for a batch whose largest proof has N = <paramref name="bigN"/>: on ristretto255
    /// over the precomputed generator tables (<see cref="Ristretto255RangeVerifier"/>), elsewhere with the
    /// shared bases G, H, G₀..G_{N−1}, H₀..H_{N−1}.
    /// </summary>
    public static MsmAccumulator NewAccumulator(IPrimeOrderGroup group, int bigN) =>
        group is Groups.Ristretto255.Ristretto255Group
            ? new MsmAccumulator(Ristretto255RangeVerifier.NewTerms(bigN))
            : new MsmAccumulator(group, [group.Generator, PedersenGenerators.BlindingBase(group), .. BulletproofGenerators.G(group, bigN), .. BulletproofGenerators.H(group, bigN)]);

    /// <summary>log₂ of a power of two.</summary>
    public static int Log2(int powerOfTwo) => 31 - int.LeadingZeroCount(powerOfTwo);

    private static GroupScalar Challenge(Transcript transcript, ReadOnlySpan<byte> label, IPrimeOrderGroup group)
    {
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes(label, wide);
        return group.ScalarFromUniformBytes(wide);
    }

    private static TranscriptRng NonceRng(Transcript transcript, IPrimeOrderGroup group, IReadOnlyList<ulong> values, IReadOnlyList<GroupScalar> blindings, RandomNumberGenerator? randomness)
    {
        using var builder = transcript.BuildRng();
        Span<byte> value = stackalloc byte[8];
        var blinding = new byte[group.ScalarLength];
        try
        {
            for (var j = 0; j < values.Count; j++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(value, values[j]);
                builder.RekeyWithWitnessBytes("bp-value"u8, value);
                blindings[j].Encode(blinding);
                builder.RekeyWithWitnessBytes("bp-blinding"u8, blinding);
            }

            return builder.Finalize(randomness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(value);
            CryptographicOperations.ZeroMemory(blinding);
        }
    }

    private ref struct ProofWriter(Span<byte> destination, IPrimeOrderGroup group)
    {
        private readonly Span<byte> _destination = destination;
        private int _offset;

        public void Element(ReadOnlySpan<byte> encoded)
        {
            encoded.CopyTo(_destination.Slice(_offset, group.ElementLength));
            _offset += group.ElementLength;
        }

        public void Scalar(ReadOnlySpan<byte> encoded)
        {
            encoded.CopyTo(_destination.Slice(_offset, group.ScalarLength));
            _offset += group.ScalarLength;
        }
    }

    private ref struct ProofReader(ReadOnlySpan<byte> source, IPrimeOrderGroup group)
    {
        private readonly ReadOnlySpan<byte> _source = source;
        private int _offset;

        public string? Error { get; private set; }

        public bool Element(string name, out GroupElement element) => Element(name, -1, out element);

        /// <summary>Reads element <paramref name="name"/> (followed by <paramref name="index"/> when it is not −1; the name is only built on failure).</summary>
        public bool Element(string name, int index, out GroupElement element)
        {
            element = group.Identity;
            if (!group.TryDecodeElement(_source.Slice(_offset, group.ElementLength), out var decoded) || decoded.IsIdentity)
            {
                Error = $"{name}{(index < 0 ? string.Empty : index)} is not a canonical, non-identity {group.Name} element.";
                return false;
            }

            element = decoded;
            _offset += group.ElementLength;
            return true;
        }

        public bool Scalar(string name, out GroupScalar scalar)
        {
            scalar = group.ScalarZero;
            if (!group.TryDecodeScalar(_source.Slice(_offset, group.ScalarLength), out var decoded))
            {
                Error = $"{name} is not a canonical {group.Name} scalar.";
                return false;
            }

            scalar = decoded;
            _offset += group.ScalarLength;
            return true;
        }
    }
}
