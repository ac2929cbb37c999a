using NexusZero.Lattices;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Signatures;

public sealed class MLDsaStrictDecodingTests
{
    public static TheoryData<string> Schemes => MLDsaTestData.SchemeNames;

    [Theory]
    [MemberData(nameof(Schemes))]
    public void WrongLengthsAreRejected(string scheme)
    {
        Proofs.Lattice.MLDsaScheme algorithm = MLDsaTestData.Scheme(scheme);
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(1));
        byte[] pk = key.PublicKey.Export();
        byte[] sk = key.ExportSecretKey();
        byte[] sig = key.Sign("m"u8);
        Assert.Throws<FormatException>(() => algorithm.ImportPublicKey(pk.AsSpan(1)));
        Assert.Throws<FormatException>(() => algorithm.ImportPublicKey([.. pk, 0]));
        Assert.Throws<FormatException>(() => algorithm.ImportSecretKey(sk.AsSpan(1)));
        Assert.Throws<FormatException>(() => algorithm.ImportSecretKey([.. sk, 0]));
        Assert.False(key.PublicKey.Verify("m"u8, sig.AsSpan(1)));
        Assert.False(key.PublicKey.Verify("m"u8, [.. sig, 0]));
        Assert.True(key.PublicKey.Verify("m"u8, sig));
        Assert.Throws<ArgumentException>(() => algorithm.GenerateKey(new byte[31]));
        Assert.Throws<ArgumentException>(() => key.Sign("m"u8, new byte[256]));
        Assert.Throws<ArgumentException>(() => key.PublicKey.Verify("m"u8, sig, new byte[256]));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void SecretKeyRoundTripsAndOutOfRangeCoefficientsAreRejected(string scheme)
    {
        Proofs.Lattice.MLDsaScheme algorithm = MLDsaTestData.Scheme(scheme);
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(2));
        byte[] sk = key.ExportSecretKey();
        using (MLDsaPrivateKey again = algorithm.ImportSecretKey(sk))
        {
            Assert.Equal(sk, again.ExportSecretKey());
            Assert.Equal(key.PublicKey, again.PublicKey);
            Assert.Equal(key.SignDeterministic("x"u8), again.SignDeterministic("x"u8));
        }

        // First s1 coefficient's field set to all ones: η − (2^bits − 1) < −η.
        byte[] badS1 = (byte[])sk.Clone();
        badS1[128] |= (byte)(algorithm.Parameters.Eta == 2 ? 0x07 : 0x0F);
        Assert.False(algorithm.TryImportSecretKey(badS1, out _));

        // Last s2 coefficient out of range.
        int s2End = 128 + (32 * algorithm.Parameters.EtaBits * (algorithm.Parameters.K + algorithm.Parameters.L));
        byte[] badS2 = (byte[])sk.Clone();
        badS2[s2End - 1] = 0xFF;
        Assert.False(algorithm.TryImportSecretKey(badS2, out _));

        // tr that is not H(pk).
        byte[] badTr = (byte[])sk.Clone();
        badTr[64] ^= 1;
        Assert.False(algorithm.TryImportSecretKey(badTr, out _));
        Assert.Throws<FormatException>(() => algorithm.ImportSecretKey(badTr));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void MalformedHintsAreRejected(string scheme)
    {
        Proofs.Lattice.MLDsaScheme algorithm = MLDsaTestData.Scheme(scheme);
        MLDsaParameters p = algorithm.Parameters;
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(3));
        byte[] message = "hint checks"u8.ToArray();
        byte[] sig = FindSignatureWithHints(key, message, minimumInFirstPolynomial: 2);
        int hintStart = p.SignatureSize - p.Omega - p.K;

        Assert.True(Decodes(p, sig));

        // A count above ω.
        byte[] tooMany = (byte[])sig.Clone();
        tooMany[hintStart + p.Omega + p.K - 1] = (byte)(p.Omega + 1);
        Assert.False(Decodes(p, tooMany));

        // Counts decreasing from polynomial 0 to polynomial 1.
        byte[] decreasing = (byte[])sig.Clone();
        decreasing[hintStart + p.Omega] = (byte)(sig[hintStart + p.Omega + 1] + 1);
        Assert.False(Decodes(p, decreasing));

        // Two equal (not strictly increasing) indices in polynomial 0.
        byte[] repeated = (byte[])sig.Clone();
        repeated[hintStart + 1] = repeated[hintStart];
        Assert.False(Decodes(p, repeated));

        // Non-zero padding after the last used index.
        int used = sig[hintStart + p.Omega + p.K - 1];
        Assert.True(used < p.Omega);
        byte[] padding = (byte[])sig.Clone();
        padding[hintStart + p.Omega - 1] = 1;
        Assert.False(Decodes(p, padding));

        foreach (byte[] bad in new[] { tooMany, decreasing, repeated, padding })
        {
            Assert.False(key.PublicKey.Verify(message, bad));
        }
    }

    [Fact]
    public void ResponseAtTheNormBoundIsRejected()
    {
        Proofs.Lattice.MLDsaScheme algorithm = Proofs.Lattice.MLDsaScheme.MLDsa44;
        MLDsaParameters p = algorithm.Parameters;
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(4));
        byte[] sig = key.SignDeterministic("z"u8);
        var z = new PolynomialVector(p.L);
        var h = new PolynomialVector(p.K);
        byte[] cTilde = new byte[p.CommitmentHashSize];
        Assert.True(MLDsaEncoding.TryDecodeSignature(p, sig, cTilde, z, h));
        z[0][0] = p.Gamma1 - p.Beta;
        byte[] forged = (byte[])sig.Clone();
        MLDsaEncoding.EncodeSignature(p, cTilde, z, h, forged);
        Assert.False(key.PublicKey.Verify("z"u8, forged));
    }

    [Fact]
    public void EveryByteOfASignatureMatters()
    {
        Proofs.Lattice.MLDsaScheme algorithm = Proofs.Lattice.MLDsaScheme.MLDsa44;
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(5));
        byte[] sig = key.Sign("flip"u8, "c"u8);
        Assert.True(key.PublicKey.Verify("flip"u8, sig, "c"u8));
        Assert.False(key.PublicKey.Verify("flip"u8, sig, "d"u8));
        Assert.False(key.PublicKey.Verify("flop"u8, sig, "c"u8));
        for (int i = 0; i < sig.Length; i++)
        {
            sig[i] ^= (byte)(1 << (i % 8));
            Assert.False(key.PublicKey.Verify("flip"u8, sig, "c"u8), $"a flip in byte {i} was accepted");
            sig[i] ^= (byte)(1 << (i % 8));
        }
    }

    [Fact]
    public void HedgedSignaturesDifferDeterministicOnesRepeat()
    {
        using MLDsaPrivateKey key = Proofs.Lattice.MLDsaScheme.MLDsa65.GenerateKey();
        Assert.NotEqual(key.Sign("m"u8), key.Sign("m"u8));
        Assert.Equal(key.SignDeterministic("m"u8), key.SignDeterministic("m"u8));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign("m"u8));
    }

    private static bool Decodes(MLDsaParameters p, byte[] sig) =>
        MLDsaEncoding.TryDecodeSignature(p, sig, new byte[p.CommitmentHashSize], new PolynomialVector(p.L), new PolynomialVector(p.K));

    private static byte[] FindSignatureWithHints(MLDsaPrivateKey key, byte[] message, int minimumInFirstPolynomial)
    {
        MLDsaParameters p = key.Algorithm.Parameters;
        int hintStart = p.SignatureSize - p.Omega - p.K;
        for (int attempt = 0; attempt < 200; attempt++)
        {
            byte[] sig = key.Sign(message);
            if (sig[hintStart + p.Omega] >= minimumInFirstPolynomial && sig[hintStart + p.Omega + p.K - 1] < p.Omega)
            {
                return sig;
            }
        }

        throw new InvalidOperationException("no signature with enough hints in the first polynomial");
    }
}
