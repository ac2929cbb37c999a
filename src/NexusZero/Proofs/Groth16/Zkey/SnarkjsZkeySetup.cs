using NexusZero.Circuits;
using NexusZero.Circuits.Circom;
using NexusZero.Groups.Bn254;
using Org.BouncyCastle.Crypto.Digests;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// The circuit-specific Groth16 setup from a Powers of Tau file, as `snarkjs groth16 setup` (zkey new) computes it:
/// the result is the same initial .zkey, byte for byte, with γ = δ = 1 and no phase-2 contribution yet, so
/// `snarkjs zkey verify` accepts it and a phase-2 contribution can follow. It works for circom imports and for
/// circuits of our own builder alike (any <see cref="ConstraintSystem"/>).
/// </summary>
/// <remarks>
/// An initial key is <b>not</b> safe to prove with in production: with δ = 1 anyone who has the .ptau can forge.
/// It must receive at least one phase-2 contribution from someone honest (<see cref="SnarkjsZkeyContribution"/> or `snarkjs zkey contribute`).
/// Everything here is public data, so the MSMs are variable time.
/// </remarks>
public static class SnarkjsZkeySetup
{
    /// <summary>snarkjs hashes the H points in chunks of this many and has a quirk past one chunk (see <see cref="HashH"/>).</summary>
    private const int HashChunk = 1 << 14;

    /// <summary>Creates the initial .zkey for <paramref name="system"/> from <paramref name="ptau"/>.</summary>
    /// <param name="system">The circuit (wire order: one, public outputs, public inputs, private).</param>
    /// <param name="ptau">A Powers of Tau file prepared for phase 2, large enough for the circuit.</param>
    /// <returns>The .zkey bytes.</returns>
    /// <exception cref="ArgumentException">The circuit needs more powers than the file has, or a domain above 2^14 (not yet supported).</exception>
    /// <exception cref="FormatException">A point the setup uses is not canonical or not on its curve.</exception>
    public static byte[] Create(ConstraintSystem system, PowersOfTau ptau)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ptau);
        int publics = system.PublicCount;
        int variables = system.VariableCount;
        int constraints = system.ConstraintCount;
        int rows = constraints + publics + 1;
        int power = Math.Max(1, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(rows - 1)));
        if (power > ptau.Power)
        {
            throw new ArgumentException($"The circuit needs 2^{power} rows ({rows}); the Powers of Tau file has 2^{ptau.Power}.", nameof(ptau));
        }

        if (power > 14)
        {
            throw new ArgumentException($"The circuit needs a domain of 2^{power}; setups above 2^14 are not supported yet (snarkjs hashes the H points of larger domains in a way not reproduced here).", nameof(system));
        }

        int n = 1 << power;
        long level = n - 1;
        var tauL = Decode(n, i => ptau.G1(12, level + i));
        var tauL2 = Decode(n, i => ptau.G2(13, level + i));
        var alphaL = Decode(n, i => ptau.G1(14, level + i));
        var betaL = Decode(n, i => ptau.G1(15, level + i));

        var a = new Combination<Fp, G1Curve>[variables];
        var b1 = new Combination<Fp, G1Curve>[variables];
        var b2 = new Combination<Fp2, G2Curve>[variables];
        var k = new Combination<Fp, G1Curve>[variables];
        var coefficients = new CircomSpanWriter();
        uint coefficientCount = 0;
        var coefficientBody = new CircomSpanWriter();
        var r2 = Fr.FromCanonical(Fr.Parameters.R2);
        var value = new byte[32];

        void WriteCoefficient(uint matrix, int row, int signal, FieldElement coefficient)
        {
            coefficientBody.WriteUInt32(matrix);
            coefficientBody.WriteUInt32((uint)row);
            coefficientBody.WriteUInt32((uint)signal);
            (coefficient.Value * r2).ToCanonical().WriteLittleEndian(value);
            coefficientBody.WriteBytes(value);
            coefficientCount++;
        }

        for (var c = 0; c < constraints; c++)
        {
            var constraint = system.Constraints[c];
            foreach (var term in constraint.A.Terms)
            {
                Add(ref a[term.VariableIndex], term.Coefficient, tauL[c]);
                Add(ref k[term.VariableIndex], term.Coefficient, betaL[c]);
                WriteCoefficient(0, c, term.VariableIndex, term.Coefficient);
            }

            foreach (var term in constraint.B.Terms)
            {
                Add(ref b1[term.VariableIndex], term.Coefficient, tauL[c]);
                Add(ref b2[term.VariableIndex], term.Coefficient, tauL2[c]);
                Add(ref k[term.VariableIndex], term.Coefficient, alphaL[c]);
                WriteCoefficient(1, c, term.VariableIndex, term.Coefficient);
            }

            foreach (var term in constraint.C.Terms)
            {
                Add(ref k[term.VariableIndex], term.Coefficient, tauL[c]);
            }
        }

        // One row per public variable and the constant, binding them (as snarkjs adds them).
        for (var s = 0; s <= publics; s++)
        {
            Add(ref a[s], FieldElement.One, tauL[constraints + s]);
            Add(ref k[s], FieldElement.One, betaL[constraints + s]);
            WriteCoefficient(0, constraints + s, s, FieldElement.One);
        }

        coefficients.WriteUInt32(coefficientCount);
        coefficients.WriteBytes(coefficientBody.ToArray());

        var hash = new Blake2bDigest(512);
        var g1 = Bn254Encoding.G1Generator;
        var g2 = Bn254Encoding.G2Generator;
        var alpha1Raw = ptau.Raw(4, 0, 64);
        var beta1Raw = ptau.Raw(5, 0, 64);
        var beta2Raw = ptau.Raw(6, 0, 128);
        var alpha1 = ptau.G1(4, 0);
        var beta1 = ptau.G1(5, 0);
        var beta2 = ptau.G2(6, 0, checkSubgroup: true);

        var header = new CircomSpanWriter();
        header.WriteUInt32(32);
        header.WriteBytes(Le(Fp.Parameters.Modulus));
        header.WriteUInt32(32);
        header.WriteBytes(Le(Fr.Parameters.Modulus));
        header.WriteUInt32((uint)variables);
        header.WriteUInt32((uint)publics);
        header.WriteUInt32((uint)n);
        header.WriteBytes(alpha1Raw);
        header.WriteBytes(beta1Raw);
        header.WriteBytes(beta2Raw);
        header.WriteBytes(Lem(g2));
        header.WriteBytes(Lem(g1));
        header.WriteBytes(Lem(g2));
        HashPoint(hash, alpha1);
        HashPoint(hash, beta1);
        HashPoint(hash, beta2);
        HashPoint(hash, g2);
        HashPoint(hash, g1);
        HashPoint(hash, g2);

        var ic = Points(k.AsSpan(0, publics + 1), hash);
        var h = new CircomSpanWriter();
        for (long i = 0; i < n; i++)
        {
            // The odd Lagrange points of the 2n level: they stay as the ceremony wrote them (checked on the way).
            ptau.G1(12, (2L * n) - 1 + (2 * i) + 1);
            h.WriteBytes(ptau.Raw(12, (2L * n) - 1 + (2 * i) + 1, 64));
        }

        HashH(hash, ptau, n);
        var cQuery = Points(k.AsSpan(publics + 1), hash);
        var aQuery = Points(a.AsSpan(), hash);
        var b1Query = Points(b1.AsSpan(), hash);
        var b2Query = Points(b2.AsSpan(), hash);

        var circuitHash = new byte[64];
        hash.DoFinal(circuitHash, 0);
        var contributions = new CircomSpanWriter();
        contributions.WriteBytes(circuitHash);
        contributions.WriteUInt32(0);

        var protocol = new CircomSpanWriter();
        protocol.WriteUInt32(1);
        var file = new CircomSpanWriter();
        file.WriteBytes("zkey"u8);
        file.WriteUInt32(1);
        file.WriteUInt32(10);

        // snarkjs's section order, so that the bytes are the same file.
        file.WriteSection(1, protocol);
        file.WriteSection(2, header);
        file.WriteSection(4, coefficients);
        file.WriteSection(3, ic);
        file.WriteSection(9, h);
        file.WriteSection(8, cQuery);
        file.WriteSection(5, aQuery);
        file.WriteSection(6, b1Query);
        file.WriteSection(7, b2Query);
        file.WriteSection(10, contributions);
        return file.ToArray();
    }

    /// <summary>Reads the circuit's .r1cs and the .ptau, and writes the initial .zkey.</summary>
    /// <param name="r1csPath">The circom constraint system.</param>
    /// <param name="ptauPath">The prepared Powers of Tau file.</param>
    /// <returns>The .zkey bytes.</returns>
    public static byte[] CreateFromFiles(string r1csPath, string ptauPath) =>
        Create(CircomR1csReader.ReadFile(r1csPath).System, PowersOfTau.ReadFile(ptauPath));

    /// <summary>
    /// The circuit hash covers [τⁱ·Z(τ)]₁ = [τ^(i+n)]₁ − [τⁱ]₁ for i &lt; n − 1 (the textbook H points), preceded by
    /// their count. snarkjs takes them in chunks of 2^14 and sizes every chunk min(n − 1, 2^14), which hashes past
    /// the points for n − 1 > 2^14; domains up to 2^14 are one chunk, the only case supported here.
    /// </summary>
    private static void HashH(Blake2bDigest hash, PowersOfTau ptau, int n)
    {
        HashCount(hash, n - 1);
        for (long i = 0; i < n - 1; i++)
        {
            HashPoint(hash, ptau.G1(2, i + n) - ptau.G1(2, i));
        }
    }

    private static CircomSpanWriter Points(Span<Combination<Fp, G1Curve>> combinations, Blake2bDigest hash)
    {
        var section = new CircomSpanWriter();
        HashCount(hash, combinations.Length);
        foreach (var combination in combinations)
        {
            var point = combination?.Sum() ?? G1Point.Identity;
            section.WriteBytes(Lem(point));
            HashPoint(hash, point);
        }

        return section;
    }

    private static CircomSpanWriter Points(Span<Combination<Fp2, G2Curve>> combinations, Blake2bDigest hash)
    {
        var section = new CircomSpanWriter();
        HashCount(hash, combinations.Length);
        foreach (var combination in combinations)
        {
            var point = combination?.Sum() ?? G2Point.Identity;
            section.WriteBytes(Lem(point));
            HashPoint(hash, point);
        }

        return section;
    }

    private static T[] Decode<T>(int count, Func<long, T> read)
    {
        var points = new T[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = read(i);
        }

        return points;
    }

    private static void Add<TField, TCurve>(ref Combination<TField, TCurve> combination, FieldElement coefficient, ProjectivePoint<TField, TCurve> point)
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        combination ??= new Combination<TField, TCurve>();
        combination.Scalars.Add(coefficient.Value);
        combination.Points.Add(point);
    }

    private static byte[] Le(Limbs256 value)
    {
        var bytes = new byte[32];
        value.WriteLittleEndian(bytes);
        return bytes;
    }

    /// <summary>Affine Montgomery little-endian, as .zkey stores points; infinity as zeros.</summary>
    internal static byte[] Lem(G1Point point)
    {
        var bytes = new byte[64];
        if (!point.IsIdentity)
        {
            var affine = point.ToAffine();
            affine.X.WriteMontgomeryLittleEndian(bytes.AsSpan(0, 32));
            affine.Y.WriteMontgomeryLittleEndian(bytes.AsSpan(32));
        }

        return bytes;
    }

    /// <summary>G2 as x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1, each Montgomery little-endian; infinity as zeros.</summary>
    internal static byte[] Lem(G2Point point)
    {
        var bytes = new byte[128];
        if (!point.IsIdentity)
        {
            var affine = point.ToAffine();
            affine.X.C0.WriteMontgomeryLittleEndian(bytes.AsSpan(0, 32));
            affine.X.C1.WriteMontgomeryLittleEndian(bytes.AsSpan(32, 32));
            affine.Y.C0.WriteMontgomeryLittleEndian(bytes.AsSpan(64, 32));
            affine.Y.C1.WriteMontgomeryLittleEndian(bytes.AsSpan(96));
        }

        return bytes;
    }

    /// <summary>ffjavascript's uncompressed form as the circuit hash takes it: the EIP-197 bytes, the point at infinity as zeros.</summary>
    private static void HashPoint(Blake2bDigest hash, G1Point point) => hash.BlockUpdate(Bn254Encoding.EncodeG1(point));

    private static void HashPoint(Blake2bDigest hash, G2Point point) => hash.BlockUpdate(Bn254Encoding.EncodeG2(point));

    private static void HashCount(Blake2bDigest hash, int count)
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)count);
        hash.BlockUpdate(bytes);
    }

    /// <summary>Σ scalarᵢ·pointᵢ for one query point, summed with Pippenger (public data).</summary>
    private sealed class Combination<TField, TCurve>
        where TField : struct, IBn254Field<TField>
        where TCurve : struct, ICurveEquation<TField>
    {
        public List<Fr> Scalars { get; } = [];

        public List<ProjectivePoint<TField, TCurve>> Points { get; } = [];

        public ProjectivePoint<TField, TCurve> Sum() => Pippenger.Multiply<TField, TCurve>(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Scalars),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Points));
    }
}
