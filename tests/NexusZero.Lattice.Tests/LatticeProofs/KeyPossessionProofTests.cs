using NexusZero.Lattice.Tests.Signatures;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.LatticeProofs;

public sealed class KeyPossessionProofTests
{
    private static readonly LatticeKeyPossessionProofSystem System = LatticeKeyPossessionProofSystem.Instance;

    public static TheoryData<string> Schemes => MLDsaTestData.SchemeNames;

    [Theory]
    [MemberData(nameof(Schemes))]
    public void HonestProofsVerifyAndBindTheContext(string scheme)
    {
        using MLDsaPrivateKey key = MLDsaTestData.Scheme(scheme).GenerateKey(MLDsaTestData.Seed(20));
        var statement = new KeyPossessionStatement(key.PublicKey);
        using var witness = new KeyPossessionWitness(key);
        ParameterSet parameters = System.SelectDefaultParameters(statement, 128);
        Assert.Equal(key.Algorithm.Id, parameters.Id);
        byte[] proof = System.Prove(statement, witness, parameters, "login at example.org"u8);
        Assert.Equal(key.Algorithm.SignatureSize, proof.Length);
        Assert.True(System.Verify(statement, proof, parameters, "login at example.org"u8).IsValid);
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(statement, proof, parameters, "login at example.com"u8).Failure);
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(statement, proof, parameters, default).Failure);

        // The proof is not a signature on the context itself: replaying it as one fails.
        Assert.False(key.PublicKey.Verify("login at example.org"u8, proof, LatticeKeyPossessionProofSystem.SignatureContext));
    }

    [Fact]
    public void WrongKeyOrParametersAreRejected()
    {
        using MLDsaPrivateKey key = Proofs.Lattice.MLDsaScheme.MLDsa44.GenerateKey(MLDsaTestData.Seed(21));
        using MLDsaPrivateKey otherKey = Proofs.Lattice.MLDsaScheme.MLDsa44.GenerateKey(MLDsaTestData.Seed(22));
        using MLDsaPrivateKey bigKey = Proofs.Lattice.MLDsaScheme.MLDsa65.GenerateKey(MLDsaTestData.Seed(21));
        var statement = new KeyPossessionStatement(key.PublicKey);
        using var witness = new KeyPossessionWitness(key);
        byte[] proof = System.Prove(statement, witness, KeyPossessionParameters.MLDsa44, "c"u8);

        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(new KeyPossessionStatement(otherKey.PublicKey), proof, KeyPossessionParameters.MLDsa44, "c"u8).Failure);
        Assert.Equal(VerificationFailure.InvalidStatement, System.Verify(statement, proof, KeyPossessionParameters.MLDsa65, "c"u8).Failure);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(new KeyPossessionStatement(bigKey.PublicKey), proof, KeyPossessionParameters.MLDsa65, "c"u8).Failure);

        using var wrongWitness = new KeyPossessionWitness(otherKey);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => System.Prove(statement, wrongWitness, KeyPossessionParameters.MLDsa44, "c"u8)).Kind);
        Assert.Throws<ArgumentException>(() => System.Prove(statement, witness, KeyPossessionParameters.MLDsa65, "c"u8));
        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, Assert.Throws<NexusZeroException>(() => System.SelectDefaultParameters(statement, 192)).Kind);
        Assert.Same(KeyPossessionParameters.MLDsa65, System.SelectDefaultParameters(new KeyPossessionStatement(bigKey.PublicKey), 192));
    }

    [Fact]
    public void TamperedProofsAndStatementsAreRejected()
    {
        using MLDsaPrivateKey key = Proofs.Lattice.MLDsaScheme.MLDsa44.GenerateKey(MLDsaTestData.Seed(23));
        var statement = new KeyPossessionStatement(key.PublicKey);
        using var witness = new KeyPossessionWitness(key);
        byte[] proof = System.Prove(statement, witness, KeyPossessionParameters.MLDsa44, "c"u8);
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            byte[] tampered = (byte[])proof.Clone();
            int position = random.Next(tampered.Length);
            tampered[position] ^= (byte)(1 << random.Next(8));
            Assert.False(System.Verify(statement, tampered, KeyPossessionParameters.MLDsa44, "c"u8).IsValid, $"flip at {position} accepted");
        }

        byte[] encoded = statement.ToCanonicalBytes();
        Assert.True(System.TryDecodeStatement(encoded, KeyPossessionParameters.MLDsa44, out Statement? decoded, out _));
        Assert.Equal(statement, decoded);
        Assert.False(System.TryDecodeStatement(encoded[..^1], KeyPossessionParameters.MLDsa44, out _, out _));
        Assert.False(System.TryDecodeStatement([.. encoded, 0], KeyPossessionParameters.MLDsa44, out _, out _));
        Assert.False(System.TryDecodeStatement(encoded, KeyPossessionParameters.MLDsa65, out _, out _));
        byte[] unknownScheme = (byte[])encoded.Clone();
        unknownScheme[1] = 45;
        Assert.False(System.TryDecodeStatement(unknownScheme, KeyPossessionParameters.MLDsa44, out _, out _));
        Assert.False(System.TryGetParameterSet(45, out _));
        Assert.True(System.TryGetParameterSet(87, out ParameterSet? p87));
        Assert.Same(KeyPossessionParameters.MLDsa87, p87);
    }
}
