using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using NexusZero.Consensus;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Benchmarks.Consensus;

/// <summary>
/// A whole round over HTTP on loopback with n = 4 ValidatorNode processes started in setup. Needs the
/// environment variable NEXUSZERO_VALIDATOR_NODE with the built node DLL (benchmarks/scripts/consensus-http-round.sh
/// sets it). Only 127.0.0.1 is used.
/// </summary>
public class HttpRoundBenchmarks
{
    private readonly List<Process> _nodes = [];
    private string _directory = null!;
    private HttpConsensusClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dll = Environment.GetEnvironmentVariable("NEXUSZERO_VALIDATOR_NODE")
            ?? throw new InvalidOperationException("Set NEXUSZERO_VALIDATOR_NODE to the built NexusZero.ValidatorNode.dll (see benchmarks/scripts/consensus-http-round.sh).");
        _directory = Directory.CreateTempSubdirectory("nz-bench-").FullName;
        var members = new List<ValidatorMember>();
        var keyPaths = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var key = SignatureSchemes.Default.GenerateKey();
            var path = Path.Combine(_directory, $"v{i}.json");
            ValidatorKeyFile.Save(path, $"v{i}", key);
            keyPaths.Add(path);
            members.Add(new ValidatorMember($"v{i}", key.PublicKey.Span));
        }

        var set = ValidatorSet.Create(1, SignatureSchemes.Default, members);
        var setPath = Path.Combine(_directory, "set.json");
        File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(set));
        var endpoints = new Dictionary<string, Uri>();
        for (var i = 0; i < 4; i++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--key", keyPaths[i], "--validators", setPath })
            {
                info.ArgumentList.Add(arg);
            }

            _nodes.Add(Process.Start(info)!);
            endpoints[$"v{i}"] = new Uri($"http://127.0.0.1:{port}/");
        }

        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var endpoint in endpoints.Values)
        {
            while (true)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The validator node at {endpoint} did not start within 60 s.");
                }

                try
                {
                    if (probe.GetAsync(new Uri(endpoint, "consensus/info")).GetAwaiter().GetResult().IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }

                Thread.Sleep(100);
            }
        }

        _client = new HttpConsensusClient(set, endpoints, options: new ConsensusOptions { StragglerGrace = TimeSpan.FromSeconds(1) });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        foreach (var node in _nodes)
        {
            node.Kill(entireProcessTree: true);
            node.WaitForExit(5000);
            node.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<bool> HttpRound() => (await _client.ProposeAsync(ConsensusFixture.Content)).IsFinalized;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
