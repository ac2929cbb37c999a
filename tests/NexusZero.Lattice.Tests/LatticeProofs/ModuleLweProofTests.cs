using NexusZero.Lattices;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.LatticeProofs;

public sealed class ModuleLweProofTests
{
    private static readonly ModuleLweProofSystem System = ModuleLweProofSystem.Instance;

    [Theory]
    [InlineData(4, 4, 2, 128)]
    [InlineData(5, 4, 2, 128)]
    [InlineData(6, 5, 4, 192)]
    [InlineData(8, 7, 2, 256)]
    public void HonestProofsVerify(int k, int l, int eta, int level)
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(Seed(k + l + eta), k, l, eta);
        using (witness)
        {
            ParameterSet parameters = System.SelectDefaultParameters(statement, level);
            Assert.True(parameters.SecurityBits >= level, $"{parameters.Name} offers {parameters.SecurityBits} bits");
            byte[] proof = System.Prove(statement, witness, parameters, "ctx"u8);
            Assert.Equal(ModuleLweProofSystem.ProofLength((ModuleLweParameters)parameters), proof.Length);
            Assert.True(System.Verify(statement, proof, parameters, "ctx"u8).IsValid);
        }
    }

    [Fact]
    public void InstanceFromSeedIsDeterministicAndSatisfiesTheRelation()
    {
        (ModuleLweStatement a, ModuleLweWitness wa) = ModuleLweInstance.FromSeed(Seed(1), 2, 3, 2);
        (ModuleLweStatement b, ModuleLweWitness wb) = ModuleLweInstance.FromSeed(Seed(1), 2, 3, 2);
        Assert.Equal(a, b);
        Assert.Equal(a.ToCanonicalBytes(), ModuleLweInstance.StatementFor(a.Seed, 2, wa).ToCanonicalBytes());
        Assert.All(wa.S1.Coefficients.ToArray(), c => Assert.InRange(c, -2, 2));
        Assert.Contains(wa.S1.Coefficients.ToArray(), c => c == -2);
        Assert.Contains(wa.S2.Coefficients.ToArray(), c => c == 2);
        wa.Dispose();
        wb.Dispose();
        Assert.Throws<ObjectDisposedException>(() => wa.S1);
    }

    [Fact]
    public void TamperedProofsAreRejected()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness, ParameterSet parameters, byte[] proof) = ValidProof(4, 4, 2);
        witness.Dispose();
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            int position = trial < 64 ? trial : random.Next(proof.Length);
            byte[] tampered = (byte[])proof.Clone();
            tampered[position] ^= (byte)(1 << random.Next(8));
            Assert.False(System.Verify(statement, tampered, parameters, "ctx"u8).IsValid, $"flip at {position} accepted");
        }

        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, proof[1..], parameters, "ctx"u8).Failure);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, [.. proof, 0], parameters, "ctx"u8).Failure);
    }

    [Fact]
    public void WrongContextStatementOrParametersAreRejected()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness, ParameterSet parameters, byte[] proof) = ValidProof(4, 4, 2);
        witness.Dispose();
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(statement, proof, parameters, "other"u8).Failure);
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(statement, proof, parameters, default).Failure);

        (ModuleLweStatement other, ModuleLweWitness otherWitness) = ModuleLweInstance.FromSeed(Seed(99), 4, 4, 2);
        otherWitness.Dispose();
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(other, proof, parameters, "ctx"u8).Failure);

        var set = (ModuleLweParameters)parameters;
        ModuleLweParameters otherTau = ModuleLweParameters.Create(set.K, set.L, set.Gamma1Bits, set.Tau + 1);
        Assert.False(System.Verify(statement, proof, otherTau, "ctx"u8).IsValid);
        ModuleLweParameters otherGamma = ModuleLweParameters.Create(set.K, set.L, set.Gamma1Bits - 1, set.Tau);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, proof, otherGamma, "ctx"u8).Failure);
        ModuleLweParameters otherShape = ModuleLweParameters.Create(set.K + 1, set.L, set.Gamma1Bits, set.Tau);
        Assert.Equal(VerificationFailure.InvalidStatement, System.Verify(statement, proof, otherShape, "ctx"u8).Failure);
    }

    [Fact]
    public void ResponsesAtTheBoundAreRejected()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness, ParameterSet parameters, byte[] proof) = ValidProof(4, 4, 2);
        witness.Dispose();
        var set = (ModuleLweParameters)parameters;
        int beta = set.Tau * statement.Eta;
        int bits = set.Gamma1Bits + 1;
        // z1[0] := γ1 − β, the first value the verifier must refuse; its field is β.
        byte[] tampered = (byte[])proof.Clone();
        var z = new int[256];
        BitPacking.Unpack(tampered.AsSpan(ModuleLweParameters.CommitmentHashSize, 32 * bits), bits, z);
        z[0] = beta;
        BitPacking.Pack(z, bits, tampered.AsSpan(ModuleLweParameters.CommitmentHashSize, 32 * bits));
        VerificationResult result = System.Verify(statement, tampered, parameters, "ctx"u8);
        Assert.Equal(VerificationFailure.MalformedProof, result.Failure);
        Assert.Contains("norm", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongWitnessIsRefused()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(Seed(3), 4, 4, 2);
        (_, ModuleLweWitness other) = ModuleLweInstance.FromSeed(Seed(4), 4, 4, 2);
        ParameterSet parameters = System.SelectDefaultParameters(statement, 128);
        var error = Assert.Throws<NexusZeroException>(() => System.Prove(statement, other, parameters, default));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);

        int[] s1 = witness.S1.Coefficients.ToArray();
        s1[0] = 3;
        using var tooLong = new ModuleLweWitness(s1, witness.S2.Coefficients);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => System.Prove(statement, tooLong, parameters, default)).Kind);
        witness.Dispose();
        other.Dispose();
    }

    [Fact]
    public void StatementDecodingIsStrict()
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(Seed(6), 2, 1, 2);
        witness.Dispose();
        ParameterSet parameters = ModuleLweParameters.Create(2, 1, 17, 23);
        byte[] encoded = statement.ToCanonicalBytes();
        Assert.True(System.TryDecodeStatement(encoded, parameters, out Statement? decoded, out _));
        Assert.Equal(statement, decoded);

        byte[] coefficientAtQ = (byte[])encoded.Clone();
        // First t coefficient := q (23-bit field 0x7FE001).
        coefficientAtQ[36] = 0x01;
        coefficientAtQ[37] = 0xE0;
        coefficientAtQ[38] = (byte)((coefficientAtQ[38] & 0x80) | 0x7F);
        Assert.False(System.TryDecodeStatement(coefficientAtQ, parameters, out _, out string? error));
        Assert.Contains("below q", error, StringComparison.Ordinal);

        Assert.False(System.TryDecodeStatement(encoded[..^1], parameters, out _, out _));
        Assert.False(System.TryDecodeStatement([.. encoded, 0], parameters, out _, out _));
        byte[] badVersion = (byte[])encoded.Clone();
        badVersion[0] = 2;
        Assert.False(System.TryDecodeStatement(badVersion, parameters, out _, out _));
        byte[] badEta = (byte[])encoded.Clone();
        badEta[3] = 0;
        Assert.False(System.TryDecodeStatement(badEta, parameters, out _, out _));
        ModuleLweParameters otherShape2 = ModuleLweParameters.Create(2, 2, 17, 30);
        Assert.False(System.TryDecodeStatement(encoded, otherShape2, out _, out _));
    }

    [Fact]
    public void ParameterIdsRoundTrip()
    {
        for (int k = 1; k <= 8; k += 3)
        {
            for (int gamma = ModuleLweParameters.MinGamma1Bits; gamma <= ModuleLweParameters.MaxGamma1Bits; gamma += 3)
            {
                foreach (int tau in new[] { 1, 39, 64 })
                {
                    ModuleLweParameters set = ModuleLweParameters.Create(k, 9 - k, gamma, tau);
                    Assert.True(ModuleLweParameters.TryFromId(set.Id, out ModuleLweParameters? again));
                    Assert.Same(set, again);

                    // The shared system resolves only the selector's sets (issue #12): never τ = 1.
                    Assert.Equal(ModuleLweParameterSelector.IsSelectable(set), System.TryGetParameterSet(set.Id, out _));
                    if (tau == 1)
                    {
                        Assert.False(System.TryGetParameterSet(set.Id, out _));
                    }

                    Assert.Equal(new byte[] { 1, (byte)k, (byte)(9 - k), (byte)gamma, (byte)tau }, set.ToCanonicalBytes());
                }
            }
        }

        // log2 γ1 − 10 = 15 is out of range.
        Assert.False(ModuleLweParameters.TryFromId(0x03C0, out _));
        Assert.False(System.TryGetParameterSet(0x03C0, out _));
    }

    internal static byte[] Seed(int index) => Enumerable.Range(0, 32).Select(i => (byte)((index * 31) + i)).ToArray();

    private static (ModuleLweStatement, ModuleLweWitness, ParameterSet, byte[]) ValidProof(int k, int l, int eta)
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(Seed(10 * k + l), k, l, eta);
        ParameterSet parameters = System.SelectDefaultParameters(statement, 128);
        byte[] proof = System.Prove(statement, witness, parameters, "ctx"u8);
        Assert.True(System.Verify(statement, proof, parameters, "ctx"u8).IsValid);
        return (statement, witness, parameters, proof);
    }
}
