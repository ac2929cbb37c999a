using System.Numerics;
using System.Security.Cryptography;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Tests.Signing;

public sealed class EcdsaP256SignatureSchemeTests
{
    private static readonly EcdsaP256SignatureScheme Scheme = EcdsaP256SignatureScheme.Instance;

    // Group order of P-256 (FIPS 186-4 D.1.2.3); BigInteger is fine in tests.
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void SignThenVerify_Succeeds_AndTamperingFails()
    {
        using var key = Scheme.GenerateKey();
        var verifier = Scheme.CreateVerifier(key.PublicKey.Span);
        var message = "vote payload"u8.ToArray();
        var signature = key.Sign(message);

        Assert.Equal(64, signature.Length);
        Assert.True(verifier.Verify(message, signature));
        for (var i = 0; i < signature.Length; i += 7)
        {
            var bad = (byte[])signature.Clone();
            bad[i] ^= 0x01;
            Assert.False(verifier.Verify(message, bad));
        }

        message[0] ^= 1;
        Assert.False(verifier.Verify(message, signature));
        Assert.False(verifier.Verify(message, signature.AsSpan(0, 63)));
    }

    [Fact]
    public void Signatures_AreLowS_AndHighSTwinIsRejected()
    {
        using var key = Scheme.GenerateKey();
        var verifier = Scheme.CreateVerifier(key.PublicKey.Span);
        var message = "m"u8.ToArray();
        for (var i = 0; i < 32; i++)
        {
            var signature = key.Sign(message);
            var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= Order >> 1);

            // The twin (r, n − s) is a valid ECDSA signature the platform accepts; the scheme must not.
            var twin = (byte[])signature.Clone();
            var high = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
            twin.AsSpan(32).Clear();
            high.CopyTo(twin.AsSpan(64 - high.Length));
            using var platform = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.PublicKey.Span[1..33].ToArray(), Y = key.PublicKey.Span[33..].ToArray() } });
            Assert.True(platform.VerifyData(message, twin, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            Assert.False(verifier.Verify(message, twin));
        }
    }

    [Fact]
    public void PrivateKey_ExportImportRoundTrip_KeepsPublicKey()
    {
        using var key = Scheme.GenerateKey();
        var d = new byte[32];
        key.ExportPrivateKey(d);
        using var again = Scheme.ImportPrivateKey(d);
        Assert.Equal(key.PublicKey.ToArray(), again.PublicKey.ToArray());
        Assert.True(Scheme.CreateVerifier(key.PublicKey.Span).Verify("x"u8, again.Sign("x"u8)));
    }

    [Fact]
    public void InvalidKeys_AreRejected()
    {
        using var key = Scheme.GenerateKey();
        var offCurve = key.PublicKey.ToArray();
        offCurve[64] ^= 1;
        Assert.Throws<ArgumentException>(() => Scheme.CreateVerifier(offCurve));
        Assert.Throws<ArgumentException>(() => Scheme.CreateVerifier(key.PublicKey.Span[..64]));
        var compressedPrefix = key.PublicKey.ToArray();
        compressedPrefix[0] = 0x02;
        Assert.Throws<ArgumentException>(() => Scheme.CreateVerifier(compressedPrefix));
        Assert.Throws<ArgumentException>(() => Scheme.ImportPrivateKey(new byte[31]));
        Assert.Throws<ArgumentException>(() => Scheme.ImportPrivateKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => Scheme.ImportPrivateKey(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void DisposedKey_RefusesToSign()
    {
        var key = Scheme.GenerateKey();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign("x"u8));
    }
}
