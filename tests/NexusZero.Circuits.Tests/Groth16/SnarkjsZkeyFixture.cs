namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>snarkjs sets up one circom circuit once (circom2, Powers of Tau 2^8, phase 2 with one contribution) for the .zkey tests.</summary>
public sealed class SnarkjsZkeyFixture : IDisposable
{
    /// <summary>Two public inputs, one public output, 40 chained constraints: a domain of 64 rows.</summary>
    private const string Chain = """
        pragma circom 2.0.0;
        template Chain(n) {
            signal input x;
            signal input k;
            signal input secret;
            signal output y;
            signal t[n + 1];
            t[0] <== secret + x;
            for (var i = 0; i < n; i++) {
                t[i + 1] <== t[i] * t[i] + k;
            }
            y <== t[n];
        }
        component main {public [x, k]} = Chain(40);
        """;

    public SnarkjsZkeyFixture()
    {
        Folder = Directory.CreateTempSubdirectory("nexuszero-zkey-").FullName;
        var circuit = Path.Combine(Folder, "chain.circom");
        File.WriteAllText(circuit, Chain);
        File.WriteAllText(Path.Combine(Folder, "input.json"), """{"x": "3", "k": "7", "secret": "12345"}""");
        Assert.Equal("ok", SnarkjsOracle.Run("snarkjs-prove", Folder, circuit, Path.Combine(Folder, "input.json")));
        ZkeyBytes = File.ReadAllBytes(Path.Combine(Folder, "circuit.zkey"));
    }

    public string Folder { get; }

    public byte[] ZkeyBytes { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
