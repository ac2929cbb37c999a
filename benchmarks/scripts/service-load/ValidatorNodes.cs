using System.Globalization;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace ServiceLoad;

/// <summary>
/// Remote validators for the fault phase: fresh ECDSA P-256 keys, a <c>nexuszero-validator-set/1</c> file whose members
/// carry loopback endpoints, and one NexusZero.ValidatorNode process per member (the sample in samples/, built with this
/// script), each checking the explanation's efficiency (as the service's in-process validators do). The nodes do not check
/// the proof: the sample's --verify-proofs verifies at the library's default 128-bit security level, which refuses BN254
/// Groth16 envelopes (100 bits; the service accepts them at 100), so it rejects every proposal; the receipt check after
/// the run verifies each proof under the pinned key instead. Every process is killed at the end.
/// </summary>
internal sealed class ValidatorNodes : IAsyncDisposable
{
    private readonly string _directory;

    private ValidatorNodes(string directory, string setPath, ValidatorSet set, IReadOnlyList<ChildProcess> nodes)
    {
        _directory = directory;
        SetPath = setPath;
        Set = set;
        Nodes = nodes;
    }

    /// <summary>The validator-set file the service is configured with.</summary>
    public string SetPath { get; }

    /// <summary>The set certificates verify under.</summary>
    public ValidatorSet Set { get; }

    public IReadOnlyList<ChildProcess> Nodes { get; }

    public static async Task<ValidatorNodes> StartAsync(int count, double minEfficiency)
    {
        var node = FindNode();
        var directory = Directory.CreateTempSubdirectory("service-load-validators-").FullName;
        var ids = Enumerable.Range(1, count).Select(i => $"v{i}").ToArray();
        var ports = ids.Select(_ => ChildProcess.FreePort()).ToArray();
        var members = new List<ValidatorMember>();
        for (var i = 0; i < count; i++)
        {
            using var key = SignatureSchemes.Default.GenerateKey();
            ValidatorKeyFile.Save(Path.Combine(directory, $"{ids[i]}.key.json"), ids[i], key);
            members.Add(new ValidatorMember(ids[i], key.PublicKey.Span));
        }

        var set = ValidatorSet.Create(1, SignatureSchemes.Default, members);
        var endpoints = ids.Select((id, i) => (id, new Uri($"http://127.0.0.1:{ports[i]}/"))).ToDictionary(e => e.id, e => e.Item2, StringComparer.Ordinal);
        var setPath = Path.Combine(directory, "validators.json");
        await File.WriteAllBytesAsync(setPath, ValidatorSetFile.Serialize(set, endpoints)).ConfigureAwait(false);

        var nodes = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var port = ports[i];
                var arguments = node.Arguments.Concat(
                [
                    "--key", Path.Combine(directory, $"{ids[i]}.key.json"), "--validators", setPath,
                    "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                    "--min-metrics", string.Create(CultureInfo.InvariantCulture, $"efficiency={minEfficiency}"),
                ]);
                nodes.Add(await ChildProcess.StartAsync($"validator {ids[i]}", node.File, arguments, () => ChildProcess.AcceptsAsync(port), TimeSpan.FromSeconds(60)).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var started in nodes)
            {
                await started.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new ValidatorNodes(directory, setPath, set, nodes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // The node is built next to this script (a project reference without its assembly); its apphost where there is one.
    private static (string File, string[] Arguments) FindNode()
    {
        if (Environment.GetEnvironmentVariable("NEXUSZERO_VALIDATOR_NODE") is { Length: > 0 } configured)
        {
            return configured.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", [configured]) : (configured, []);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var bin = Path.Combine(dir.FullName, "samples", "NexusZero.ValidatorNode", "bin", configuration, "net10.0");
                if (File.Exists(Path.Combine(bin, "NexusZero.ValidatorNode.dll")))
                {
                    var apphost = Path.Combine(bin, "NexusZero.ValidatorNode");
                    return File.Exists(apphost) ? (apphost, []) : ("dotnet", [Path.Combine(bin, "NexusZero.ValidatorNode.dll")]);
                }
            }
        }

        throw new InvalidOperationException("NexusZero.ValidatorNode is not built: `dotnet build samples/NexusZero.ValidatorNode -c Release`, or set NEXUSZERO_VALIDATOR_NODE to its apphost or dll.");
    }
}
