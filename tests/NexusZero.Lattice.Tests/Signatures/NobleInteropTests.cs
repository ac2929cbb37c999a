using System.Text.Json.Nodes;
using NexusZero.Lattice.Tests.Oracles;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Signatures;

/// <summary>Cross-checks against @noble/post-quantum (tests/NexusZero.Lattice.Tests/oracle).</summary>
public sealed class NobleInteropTests
{
    private const int Seeds = 3;

    public static TheoryData<string> Schemes => MLDsaTestData.SchemeNames;

    [Theory]
    [MemberData(nameof(Schemes))]
    public void SameSeedGivesIdenticalKeys(string scheme)
    {
        var requests = new JsonArray();
        for (int i = 0; i < Seeds; i++)
        {
            requests.Add(new JsonObject { ["op"] = "keygen", ["scheme"] = scheme, ["seed"] = Hex.Of(MLDsaTestData.Seed(i)) });
        }

        JsonArray answers = OracleProcess.RunNoble(requests);
        for (int i = 0; i < Seeds; i++)
        {
            using MLDsaPrivateKey key = MLDsaTestData.Scheme(scheme).GenerateKey(MLDsaTestData.Seed(i));
            Assert.Equal((string?)answers[i]!["publicKey"], Hex.Of(key.PublicKey.Encoded));
            Assert.Equal((string?)answers[i]!["secretKey"], Hex.Of(key.ExportSecretKey()));
        }
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void DeterministicSignaturesMatchAndVerifyBothWays(string scheme)
    {
        Proofs.Lattice.MLDsaScheme algorithm = MLDsaTestData.Scheme(scheme);
        using MLDsaPrivateKey key = algorithm.GenerateKey(MLDsaTestData.Seed(7));
        string secretKey = Hex.Of(key.ExportSecretKey());
        string publicKey = Hex.Of(key.PublicKey.Encoded);
        var cases = new List<(byte[] Message, byte[] Context)>
        {
            ([], []),
            ("hello NexusZero"u8.ToArray(), "ctx"u8.ToArray()),
            (Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray(), Enumerable.Repeat((byte)0xA5, 255).ToArray()),
        };

        var requests = new JsonArray();
        foreach ((byte[] message, byte[] context) in cases)
        {
            requests.Add(new JsonObject { ["op"] = "sign", ["scheme"] = scheme, ["secretKey"] = secretKey, ["message"] = Hex.Of(message), ["context"] = Hex.Of(context) });
            requests.Add(new JsonObject { ["op"] = "sign", ["scheme"] = scheme, ["secretKey"] = secretKey, ["message"] = Hex.Of(message), ["context"] = Hex.Of(context), ["rnd"] = Hex.Of(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()) });
            requests.Add(new JsonObject
            {
                ["op"] = "verify", ["scheme"] = scheme, ["publicKey"] = publicKey, ["message"] = Hex.Of(message),
                ["context"] = Hex.Of(context), ["signature"] = Hex.Of(key.Sign(message, context)),
            });
            requests.Add(new JsonObject
            {
                ["op"] = "verify", ["scheme"] = scheme, ["publicKey"] = publicKey, ["message"] = Hex.Of(message),
                ["context"] = Hex.Of([.. context, 0x00]), ["signature"] = Hex.Of(key.Sign(message, context)),
            });
        }

        JsonArray answers = OracleProcess.RunNoble(requests);
        for (int i = 0; i < cases.Count; i++)
        {
            (byte[] message, byte[] context) = cases[i];
            byte[] theirs = Hex.Parse((string?)answers[4 * i]!["signature"]);
            Assert.Equal(Hex.Of(theirs), Hex.Of(key.SignDeterministic(message, context)));
            Assert.True(key.PublicKey.Verify(message, theirs, context));

            byte[] theirsHedged = Hex.Parse((string?)answers[(4 * i) + 1]!["signature"]);
            byte[] oursWithSameRandomness = new byte[algorithm.SignatureSize];
            key.SignCore(message, context, new byte[32].Select((_, j) => (byte)(j + 1)).ToArray(), oursWithSameRandomness);
            Assert.Equal(Hex.Of(theirsHedged), Hex.Of(oursWithSameRandomness));
            Assert.True(key.PublicKey.Verify(message, theirsHedged, context));

            Assert.True((bool)answers[(4 * i) + 2]!["valid"]!, "noble rejected our hedged signature");
            Assert.False((bool)answers[(4 * i) + 3]!["valid"]!, "noble accepted our signature under another context");
        }
    }
}
