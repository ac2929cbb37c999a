using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Http;

/// <summary>The validator node sample with --coordinator-key serves the coordinator's signed requests and refuses others with 401.</summary>
public sealed class SignedNodeProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-signed-node-").FullName;
    private readonly Cluster _cluster = new(4);

    [Fact]
    public async Task NodeWithCoordinatorKey_RefusesUnsignedAndStrangers_ServesTheCoordinator()
    {
        using var coordinator = SignatureSchemes.Default.GenerateKey();
        using var stranger = SignatureSchemes.Default.GenerateKey();
        var keyPath = Path.Combine(_directory, "v00.key.json");
        ValidatorKeyFile.Save(keyPath, "v00", _cluster.Keys[0]);
        var setPath = Path.Combine(_directory, "set.json");
        File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(_cluster.Set));

        using var node = NodeProcess.Start(keyPath, setPath, 0, "--coordinator-key", Convert.ToBase64String(coordinator.PublicKey.Span));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await node.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
        var uri = new Uri(node.BaseUri, "consensus/vote");
        var body = VoteBody();

        Assert.Equal(401, await PostAsync(http, uri, body, null));
        Assert.Equal(401, await PostAsync(http, uri, body, new CoordinatorRequestSigner(stranger).CreateHeader("POST", ValidatorHttpHandler.VotePath, "v00", body)));

        var header = new CoordinatorRequestSigner(coordinator).CreateHeader("POST", ValidatorHttpHandler.VotePath, "v00", body);
        Assert.Equal(200, await PostAsync(http, uri, body, header));
        Assert.Equal(401, await PostAsync(http, uri, body, header));
    }

    [Fact]
    public void NodeWithMalformedCoordinatorKey_ExitsWithAClearMessage()
    {
        var keyPath = Path.Combine(_directory, "v00.key.json");
        ValidatorKeyFile.Save(keyPath, "v00", _cluster.Keys[0]);
        var setPath = Path.Combine(_directory, "set.json");
        File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(_cluster.Set));

        var run = NodeProcess.RunToEnd(TimeSpan.FromSeconds(60), NodeProcess.NodeDll, "--urls", "http://127.0.0.1:0", "--key", keyPath, "--validators", setPath, "--coordinator-key", "AAAA");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--coordinator-key", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cluster.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<int> PostAsync(HttpClient http, Uri uri, byte[] body, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(ValidatorHttpHandler.SignatureHeaderName, header);
        }

        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private byte[] VoteBody()
    {
        var content = Cluster.Content();
        var message = new Dictionary<string, object?>
        {
            ["setId"] = _cluster.Set.SetIdHex,
            ["round"] = 1,
            ["deadlineUnixMs"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds(),
            ["modelId"] = content.ModelId,
            ["envelope"] = Convert.ToBase64String(content.Envelope.Span),
            ["output"] = Convert.ToBase64String(content.Output.Span),
            ["explanationMetrics"] = content.ExplanationMetrics,
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message));
    }
}
