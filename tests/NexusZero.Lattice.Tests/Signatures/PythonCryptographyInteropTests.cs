using System.Text.Json.Nodes;
using NexusZero.Lattice.Tests.Oracles;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Signatures;

/// <summary>Cross-checks against Python's `cryptography` package, which uses OpenSSL's ML-DSA.</summary>
public sealed class PythonCryptographyInteropTests
{
    public static TheoryData<string> Schemes => MLDsaTestData.SchemeNames;

    [Theory]
    [MemberData(nameof(Schemes))]
    public void SameSeedGivesIdenticalPublicKeysAndSignaturesVerifyBothWays(string scheme)
    {
        Proofs.Lattice.MLDsaScheme algorithm = MLDsaTestData.Scheme(scheme);
        byte[] seed = MLDsaTestData.Seed(11);
        using MLDsaPrivateKey key = algorithm.GenerateKey(seed);
        byte[] message = "interop with OpenSSL"u8.ToArray();
        byte[] context = "nexuszero-test"u8.ToArray();
        byte[] ours = key.Sign(message, context);
        var requests = new JsonArray
        {
            new JsonObject { ["op"] = "keygen", ["scheme"] = scheme, ["seed"] = Hex.Of(seed) },
            new JsonObject { ["op"] = "sign", ["scheme"] = scheme, ["seed"] = Hex.Of(seed), ["message"] = Hex.Of(message), ["context"] = Hex.Of(context) },
            new JsonObject { ["op"] = "verify", ["scheme"] = scheme, ["publicKey"] = Hex.Of(key.PublicKey.Encoded), ["message"] = Hex.Of(message), ["context"] = Hex.Of(context), ["signature"] = Hex.Of(ours) },
            new JsonObject { ["op"] = "verify", ["scheme"] = scheme, ["publicKey"] = Hex.Of(key.PublicKey.Encoded), ["message"] = Hex.Of(message), ["context"] = "", ["signature"] = Hex.Of(ours) },
        };

        JsonArray answers = OracleProcess.RunPythonCryptography(requests);
        Assert.Equal((string?)answers[0]!["publicKey"], Hex.Of(key.PublicKey.Encoded));
        byte[] theirs = Hex.Parse((string?)answers[1]!["signature"]);
        Assert.True(key.PublicKey.Verify(message, theirs, context), "OpenSSL's signature did not verify here");
        Assert.False(key.PublicKey.Verify(message, theirs, "other"u8), "OpenSSL's signature verified under another context");
        Assert.True((bool)answers[2]!["valid"]!, "OpenSSL rejected our signature");
        Assert.False((bool)answers[3]!["valid"]!, "OpenSSL accepted our signature under another context");
    }
}
