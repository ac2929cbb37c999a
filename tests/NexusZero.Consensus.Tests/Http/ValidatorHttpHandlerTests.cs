using System.Text;
using System.Text.Json;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Http;

public sealed class ValidatorHttpHandlerTests : IDisposable
{
    private readonly Cluster _cluster = new(4);
    private readonly ValidatorHttpHandler _handler;

    public ValidatorHttpHandlerTests()
    {
        _handler = new ValidatorHttpHandler(_cluster.Validators[0]);
    }

    public static TheoryData<string, string> MalformedVoteBodies() => new()
    {
        { "", "malformed JSON" },
        { "not json", "malformed JSON" },
        { "[]", "malformed JSON" },
        { "null", "null" },
        { "{}", "malformed JSON" },
        { Valid(o => o.Remove("round")), "malformed JSON" },
        { Valid(o => o["extra"] = 1), "malformed JSON" },
        { Valid(o => o["setId"] = "abcd"), "setId" },
        { Valid(o => o["setId"] = new string('z', 64)), "setId" },
        { Valid(o => o["round"] = 0), "round" },
        { Valid(o => o["round"] = -1), "malformed JSON" },
        { Valid(o => o["envelope"] = "%%%"), "envelope" },
        { Valid(o => o["modelId"] = ""), "content" },
        { Valid(o => o["explanationMetrics"] = new Dictionary<string, object> { ["bad\u0001"] = 1 }), "content" },
        { Valid(o => o["deadlineUnixMs"] = long.MaxValue), "deadlineUnixMs" },
        { Valid(o => o["modelId"] = null), "malformed JSON" },
        { "{\"setId\":\"a\",\"setId\":\"b\"}", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedVoteBodies))]
    public async Task MalformedVoteBodies_Get400WithAClearMessage_AndChangeNothing(string body, string mentions)
    {
        var response = await _handler.HandleVoteAsync(Fix(body));
        Assert.Equal(400, response.StatusCode);
        var error = JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(mentions, error, StringComparison.Ordinal);

        // The validator still answers a valid request, with the vote it would have given anyway.
        var ok = await _handler.HandleVoteAsync(Fix(Valid(_ => { })));
        Assert.Equal(200, ok.StatusCode);
    }

    [Theory]
    [InlineData("{\"certificate\":\"%%\"}", "certificate")]
    [InlineData("{\"certificate\":\"AAAA\"}", "magic")]
    [InlineData("{}", "malformed JSON")]
    public void MalformedCommitBodies_Get400(string body, string mentions)
    {
        var response = _handler.HandleCommit(Fix(body));
        Assert.Equal(400, response.StatusCode);
        Assert.Contains(mentions, JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_Get409()
    {
        var response = await _handler.HandleVoteAsync(Fix(Valid(o => o["setId"] = new string('0', 64))));
        Assert.Equal(409, response.StatusCode);
        var expired = await _handler.HandleVoteAsync(Fix(Valid(o => o["deadlineUnixMs"] = 1000)));
        Assert.Equal(409, expired.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Gets400BeforeParsing()
    {
        var response = await _handler.HandleVoteAsync(new byte[ValidatorHttpHandler.MaxRequestBytes + 1]);
        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task VoteReply_RoundTripsThroughTheWireFormat()
    {
        var response = await _handler.HandleVoteAsync(Fix(Valid(_ => { })));
        var reply = WireFormat.Deserialize(response.Body.Span, ConsensusJsonContext.Default.VoteReplyMessage, "reply");
        var vote = WireFormat.FromMessage(Assert.Single(reply.Votes));
        Assert.True(vote.Verify(_cluster.Set));
        Assert.Equal(Verdict.Accept, vote.Vote.Verdict);
    }

    [Fact]
    public void KeyAndSetFiles_RoundTrip_AndRejectMismatches()
    {
        var json = ValidatorKeyFile.Serialize("v00", _cluster.Keys[0]);
        using (var key = ValidatorKeyFile.Parse(json, out var id))
        {
            Assert.Equal("v00", id);
            Assert.Equal(_cluster.Keys[0].PublicKey.ToArray(), key.PublicKey.ToArray());
        }

        var swapped = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        swapped["publicKey"] = Convert.ToBase64String(_cluster.Keys[1].PublicKey.Span);
        var ex = Assert.Throws<FormatException>(() => ValidatorKeyFile.Parse(Encoding.UTF8.GetBytes(swapped.ToJsonString()), out _));
        Assert.Contains("does not belong", ex.Message, StringComparison.Ordinal);

        var endpoints = new Dictionary<string, Uri> { ["v01"] = new("http://127.0.0.1:5001/") };
        var setFile = ValidatorSetFile.Parse(ValidatorSetFile.Serialize(_cluster.Set, endpoints));
        Assert.Equal(_cluster.Set.SetIdHex, setFile.ValidatorSet.SetIdHex);
        Assert.Equal(endpoints["v01"], setFile.Endpoints["v01"]);
        Assert.Throws<FormatException>(() => ValidatorSetFile.Parse("{\"format\":\"nexuszero-validator-set/1\",\"epoch\":1,\"scheme\":\"rsa\",\"validators\":[]}"u8));
    }

    public void Dispose() => _cluster.Dispose();

    private byte[] Fix(string body) => Encoding.UTF8.GetBytes(body.Replace("\"SETID\"", $"\"{_cluster.Set.SetIdHex}\"", StringComparison.Ordinal));

    private static string Valid(Action<Dictionary<string, object?>> edit)
    {
        // The set id of a fresh cluster is unknown to static test data; Fix puts it in place of "SETID".
        var content = Cluster.Content();
        var message = new Dictionary<string, object?>
        {
            ["setId"] = "SETID",
            ["round"] = 1,
            ["deadlineUnixMs"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds(),
            ["modelId"] = content.ModelId,
            ["envelope"] = Convert.ToBase64String(content.Envelope.Span),
            ["output"] = Convert.ToBase64String(content.Output.Span),
            ["explanationMetrics"] = content.ExplanationMetrics,
        };
        edit(message);
        return JsonSerializer.Serialize(message);
    }
}
