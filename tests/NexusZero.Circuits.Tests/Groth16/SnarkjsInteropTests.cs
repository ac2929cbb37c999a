using NexusZero.Circuits;
using NexusZero.Circuits.Circom;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>
/// Groth16 both ways with snarkjs 0.7.6 and circom2 (tests/NexusZero.Circuits.Tests/oracle, installed from the
/// lockfile by the test build): snarkjs proves a circom circuit and NexusZero verifies; NexusZero proves the
/// same .r1cs with the circom-computed .wtns, and a circuit of its own builder, and snarkjs verifies.
/// </summary>
public sealed class SnarkjsInteropTests : IDisposable
{
    private const string Multiplier = """
        pragma circom 2.0.0;
        template Multiplier() {
            signal input a;
            signal input b;
            signal output c;
            signal d;
            d <== a * b;
            c <== d * a + b;
        }
        component main {public [a]} = Multiplier();
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-snarkjs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SnarkjsProofsVerifyHereAndOurProofsOfTheSameR1csVerifyInSnarkjs()
    {
        var circuit = Path.Combine(_folder, "mul.circom");
        File.WriteAllText(circuit, Multiplier);
        File.WriteAllText(Path.Combine(_folder, "input.json"), """{"a": "3", "b": "11"}""");
        Assert.Equal("ok", Node("snarkjs-prove", _folder, circuit, Path.Combine(_folder, "input.json")));

        // snarkjs → NexusZero.
        var vk = SnarkjsJson.ReadVerifyingKey(File.ReadAllText(Path.Combine(_folder, "verification_key.json")));
        var proof = SnarkjsJson.ReadProof(File.ReadAllText(Path.Combine(_folder, "proof.json")));
        var publics = SnarkjsJson.ReadPublic(File.ReadAllText(Path.Combine(_folder, "public.json")));
        Assert.Equal(["110", "3"], publics.Select(p => p.ToString()));
        Assert.True(Groth16Verifier.Verify(vk, publics, proof).IsValid);
        var wrong = publics.ToArray();
        wrong[0] += FieldElement.One;
        Assert.False(Groth16Verifier.Verify(vk, wrong, proof).IsValid);

        // Our vk_alphabeta_12 is the pairing snarkjs writes.
        Assert.Contains(
            Normalize(File.ReadAllText(Path.Combine(_folder, "verification_key.json")), "vk_alphabeta_12"),
            Normalize(SnarkjsJson.WriteVerifyingKey(vk), "vk_alphabeta_12"),
            StringComparison.Ordinal);

        // NexusZero → snarkjs, from circom's .r1cs and .wtns.
        var r1cs = CircomR1csReader.ReadFile(Path.Combine(_folder, "circuit.r1cs"));
        var witness = CircomWitnessReader.ReadFile(Path.Combine(_folder, "witness.wtns"));
        var key = Groth16DevelopmentSetup.CreateKeys(r1cs.System);
        var ours = Groth16Prover.Prove(key, r1cs.System, witness);
        var ourPublics = witness.Skip(1).Take(r1cs.System.PublicCount).ToArray();
        Assert.Equal("true", VerifyInSnarkjs(key.VerifyingKey, ourPublics, ours));
        Assert.Equal("false", VerifyInSnarkjs(key.VerifyingKey, wrong, ours));
    }

    [Fact]
    public void ProofsOfOurOwnBuildersCircuitsVerifyInSnarkjs()
    {
        static BuiltCircuit Build(CircuitBuilder builder, ulong x)
        {
            var secret = builder.Witness(FieldElement.FromUInt64(x));
            var cube = builder.Multiply(builder.Multiply(secret, secret), secret);
            builder.PublicOutput("y", cube + secret + FieldElement.FromUInt64(5));
            return builder.Build();
        }

        var key = Groth16DevelopmentSetup.CreateKeys(Build(CircuitBuilder.ForSetup(), 0).System);
        var circuit = Build(CircuitBuilder.ForProving(), 3);
        var proof = Groth16Prover.Prove(key, circuit.System, circuit.Witness);
        Assert.Equal("true", VerifyInSnarkjs(key.VerifyingKey, circuit.PublicValues, proof));

        // And the JSON round trip is exact.
        var again = SnarkjsJson.ReadProof(SnarkjsJson.WriteProof(proof));
        Assert.Equal(proof.ToBytes(), again.ToBytes());
        Assert.Equal(key.VerifyingKey.Digest.ToArray(), SnarkjsJson.ReadVerifyingKey(SnarkjsJson.WriteVerifyingKey(key.VerifyingKey)).Digest.ToArray());
    }

    private string VerifyInSnarkjs(Groth16VerifyingKey key, IReadOnlyList<FieldElement> publics, Groth16Proof proof)
    {
        var vk = Path.Combine(_folder, "our_vk.json");
        var pub = Path.Combine(_folder, "our_public.json");
        var prf = Path.Combine(_folder, "our_proof.json");
        File.WriteAllText(vk, SnarkjsJson.WriteVerifyingKey(key));
        File.WriteAllText(pub, SnarkjsJson.WritePublic(publics));
        File.WriteAllText(prf, SnarkjsJson.WriteProof(proof));
        return Node("verify", vk, pub, prf);
    }

    private static string Normalize(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)![property]!;
        return node.ToJsonString();
    }

    private static string Node(params string[] args) => SnarkjsOracle.Run(args);
}
