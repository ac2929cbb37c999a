using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Transcripts;

namespace NexusZero.Benchmarks.Classical;

/// <summary>
/// BENCHMARK ONLY: the ristretto255 range prover as it was before the proving speed-up (generators
/// folded round by round with two-point multiplications, S by a constant-time MSM that builds its
/// tables on every call), kept so before/after ratios come from one BenchmarkDotNet run. Produces the
/// same proof bytes as the current prover for the same nonce source.
/// </summary>
internal static class LegacyRangeProver
{
    public static byte[] Prove(Transcript transcript, int n, IReadOnlyList<ulong> values, IReadOnlyList<GroupScalar> blindings)
    {
        IPrimeOrderGroup group = Ristretto255Group.Instance;
        var m = values.Count;
        var bigN = n * m;
        var h = PedersenGenerators.BlindingBase(group);
        var gVector = BulletproofGenerators.G(group, bigN).ToArray();
        var hVector = BulletproofGenerators.H(group, bigN).ToArray();
        using var rng = NonceRng(transcript, group, values, blindings);
        GroupScalar Random() => SigmaProtocol.NextScalar(group, rng);

        var bits = new ulong[bigN];
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < n; k++)
            {
                bits[(j * n) + k] = (values[j] >> k) & 1;
            }
        }

        var alpha = Random();
        var a = alpha * h;
        for (var i = 0; i < bigN; i++)
        {
            a += new Ristretto255Element(EdwardsPoint.Select(((Ristretto255Element)(-hVector[i])).Point, ((Ristretto255Element)gVector[i]).Point, bits[i]));
        }

        var sL = new GroupScalar[bigN];
        var sR = new GroupScalar[bigN];
        for (var i = 0; i < bigN; i++)
        {
            sL[i] = Random();
            sR[i] = Random();
        }

        var rho = Random();
        var s = ConstantTimeMsm([rho, .. sL, .. sR], [h, .. gVector, .. hVector]);
        var output = new List<byte>();
        output.AddRange(a.ToBytes());
        output.AddRange(s.ToBytes());
        transcript.AppendMessage("bp-A"u8, a.ToBytes());
        transcript.AppendMessage("bp-S"u8, s.ToBytes());
        var y = Challenge(transcript, "bp-y"u8, group);
        var z = Challenge(transcript, "bp-z"u8, group);

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
                l0[i] = bit - z;
                r0[i] = (yPower * (bit - one + z)) + (zPower * twoPower);
                r1[i] = yPower * sR[i];
                yPower *= y;
                twoPower += twoPower;
            }

            zPower *= z;
        }

        var t1 = InnerProductArgument.InnerProduct(l0, r1, group) + InnerProductArgument.InnerProduct(sL, r0, group);
        var t2 = InnerProductArgument.InnerProduct(sL, r1, group);
        var tau1 = Random();
        var tau2 = Random();
        var bigT1 = group.MultiplyBase(t1) + (tau1 * h);
        var bigT2 = group.MultiplyBase(t2) + (tau2 * h);
        output.AddRange(bigT1.ToBytes());
        output.AddRange(bigT2.ToBytes());
        transcript.AppendMessage("bp-T1"u8, bigT1.ToBytes());
        transcript.AppendMessage("bp-T2"u8, bigT2.ToBytes());
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
        output.AddRange(tauX.ToBytes());
        output.AddRange(mu.ToBytes());
        output.AddRange(tHat.ToBytes());
        transcript.AppendMessage("bp-taux"u8, tauX.ToBytes());
        transcript.AppendMessage("bp-mu"u8, mu.ToBytes());
        transcript.AppendMessage("bp-that"u8, tHat.ToBytes());
        var w = Challenge(transcript, "bp-w"u8, group);
        var q = group.Generator.MultiplyVarTime(w);
        var hFactors = new GroupScalar[bigN];
        var yInverse = y.Invert();
        hFactors[0] = group.ScalarOne;
        for (var i = 1; i < bigN; i++)
        {
            hFactors[i] = hFactors[i - 1] * yInverse;
        }

        FoldingInnerProduct(transcript, group, q, gVector, hVector, hFactors, l, r, output);
        return [.. output];
    }

    private static void FoldingInnerProduct(Transcript transcript, IPrimeOrderGroup group, GroupElement q, GroupElement[] g, GroupElement[] h, GroupScalar[] hFactor, GroupScalar[] a, GroupScalar[] b, List<byte> output)
    {
        var n = a.Length;
        var pairs = new List<byte>();
        Span<byte> wide = stackalloc byte[64];
        while (n > 1)
        {
            var half = n / 2;
            var cL = InnerProductArgument.InnerProduct(a.AsSpan(0, half), b.AsSpan(half, half), group);
            var cR = InnerProductArgument.InnerProduct(a.AsSpan(half, half), b.AsSpan(0, half), group);
            var scalars = new GroupScalar[(2 * half) + 1];
            var points = new GroupElement[(2 * half) + 1];
            for (var i = 0; i < half; i++)
            {
                (scalars[i], points[i]) = (a[i], g[half + i]);
                (scalars[half + i], points[half + i]) = (b[half + i] * hFactor[i], h[i]);
            }

            (scalars[2 * half], points[2 * half]) = (cL, q);
            var l = group.MultiScalarMultiplyVarTime(scalars, points);
            for (var i = 0; i < half; i++)
            {
                (scalars[i], points[i]) = (a[half + i], g[i]);
                (scalars[half + i], points[half + i]) = (b[i] * hFactor[half + i], h[half + i]);
            }

            scalars[2 * half] = cR;
            var r = group.MultiScalarMultiplyVarTime(scalars, points);
            pairs.AddRange(l.ToBytes());
            pairs.AddRange(r.ToBytes());
            transcript.AppendMessage(InnerProductArgument.LLabel, l.ToBytes());
            transcript.AppendMessage(InnerProductArgument.RLabel, r.ToBytes());
            transcript.ChallengeBytes(InnerProductArgument.ChallengeLabel, wide);
            var u = group.ScalarFromUniformBytes(wide);
            var uInverse = u.Invert();
            for (var i = 0; i < half; i++)
            {
                a[i] = (a[i] * u) + (a[half + i] * uInverse);
                b[i] = (b[i] * uInverse) + (b[half + i] * u);
            }

            if (half > 1)
            {
                for (var i = 0; i < half; i++)
                {
                    g[i] = group.MultiScalarMultiplyVarTime([uInverse, u], [g[i], g[half + i]]);
                    h[i] = group.MultiScalarMultiplyVarTime([u * hFactor[i], uInverse * hFactor[half + i]], [h[i], h[half + i]]);
                    hFactor[i] = group.ScalarOne;
                }
            }

            n = half;
        }

        output.AddRange(pairs);
        output.AddRange(a[0].ToBytes());
        output.AddRange(b[0].ToBytes());
    }

    /// <summary>The constant-time Straus MSM as it was: 8-entry projective Niels tables rebuilt per call.</summary>
    private static GroupElement ConstantTimeMsm(GroupScalar[] scalars, GroupElement[] elements)
    {
        var count = scalars.Length;
        var tables = new ProjectiveNielsPoint[count * 8];
        var digits = new sbyte[count * 64];
        for (var j = 0; j < count; j++)
        {
            var point = ((Ristretto255Element)elements[j]).Point;
            var table = tables.AsSpan(j * 8, 8);
            table[0] = point.ToProjectiveNiels();
            var multiple = point;
            for (var t = 1; t < 8; t++)
            {
                multiple = CompletedPoint.Add(multiple, table[0]).ToExtended();
                table[t] = multiple.ToProjectiveNiels();
            }

            ((Ristretto255Scalar)scalars[j]).Value.ToRadix16(digits.AsSpan(j * 64, 64));
        }

        var acc = EdwardsPoint.Identity;
        for (var i = 63; i >= 0; i--)
        {
            if (i != 63)
            {
                acc = acc.MultiplyByPowerOfTwo(4);
            }

            for (var j = 0; j < count; j++)
            {
                acc = CompletedPoint.Add(acc, ProjectiveNielsPoint.Lookup(tables.AsSpan(j * 8, 8), digits[(j * 64) + i])).ToExtended();
            }
        }

        return new Ristretto255Element(acc);
    }

    private static GroupScalar Challenge(Transcript transcript, ReadOnlySpan<byte> label, IPrimeOrderGroup group)
    {
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes(label, wide);
        return group.ScalarFromUniformBytes(wide);
    }

    private static TranscriptRng NonceRng(Transcript transcript, IPrimeOrderGroup group, IReadOnlyList<ulong> values, IReadOnlyList<GroupScalar> blindings)
    {
        using var builder = transcript.BuildRng();
        var value = new byte[8];
        var blinding = new byte[group.ScalarLength];
        for (var j = 0; j < values.Count; j++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(value, values[j]);
            builder.RekeyWithWitnessBytes("bp-value"u8, value);
            blindings[j].Encode(blinding);
            builder.RekeyWithWitnessBytes("bp-blinding"u8, blinding);
        }

        return builder.Finalize();
    }
}
