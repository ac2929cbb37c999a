using System.Text;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Tests.Support;
using Xunit.Abstractions;

namespace NexusZero.Consensus.Tests.Errors;

/// <summary>
/// Bad input to every loader and endpoint gets a message that names the field and the rule, and none of the
/// runtime's suffixes or .NET type names.
/// </summary>
public sealed class ErrorMessageTests(ITestOutputHelper log)
{
    private static readonly string Key = NewPublicKey();

    public static TheoryData<string, string> BadSetFiles => new()
    {
        { Set("\"weight\":0"), "weight" },
        { Set("\"weight\":100000000"), "weight" },
        { Set("\"weight\":\"one\""), "weight" },
        { Set("\"weight\":1e30"), "weight" },
        { Set("\"weight\":null"), "weight" },
        { Set("\"color\":\"red\""), "color" },
        { Set("\"weight\":1,\"endpoint\":\"ftp://host/\""), "endpoint" },
        { Set("\"weight\":1,\"endpoint\":5"), "endpoint" },
        { Set("\"weight\":1", publicKey: "not base64!"), "publicKey" },
        { Set("\"weight\":1", publicKey: "AAAA"), "publicKey" },
        { Set("\"weight\":1", id: "bad id"), "id" },
        { Set("\"weight\":1", epoch: "-1"), "epoch" },
        { Set("\"weight\":1", epoch: "\"1\""), "epoch" },
        { Set("\"weight\":1", scheme: "rsa"), "scheme" },
        { "{\"format\":\"nexuszero-validator-set/1\",\"epoch\":1,\"scheme\":\"ecdsa-p256-sha256\"}", "validators" },
        { "{\"format\":\"nexuszero-validator-set/1\",\"epoch\":1,\"scheme\":\"ecdsa-p256-sha256\",\"validators\":{}}", "validators" },
        { "{\"format\":\"nexuszero-validator-set/1\",\"epoch\":1,\"scheme\":\"ecdsa-p256-sha256\",\"validators\":[]}", "validators" },
        { "{\"format\":\"nexuszero-validator-set/2\",\"epoch\":1,\"scheme\":\"ecdsa-p256-sha256\",\"validators\":[]}", "format" },
        { "[1,2]", "$" },
        { "{\"format\":", "$" },
    };

    public static TheoryData<string, string> BadKeyFiles => new()
    {
        { "{\"format\":\"nexuszero-validator-key/1\",\"validatorId\":\"v1\",\"scheme\":\"ecdsa-p256-sha256\",\"publicKey\":\"" + Key + "\"}", "privateKey" },
        { "{\"format\":\"nexuszero-validator-key/1\",\"validatorId\":\"v1\",\"scheme\":\"ecdsa-p256-sha256\",\"publicKey\":\"" + Key + "\",\"privateKey\":\"AAAA\"}", "privateKey" },
        { "{\"format\":\"nexuszero-validator-key/1\",\"validatorId\":\"v1\",\"scheme\":\"ecdsa-p256-sha256\",\"publicKey\":\"" + Key + "\",\"privateKey\":7}", "privateKey" },
        { "{\"format\":\"nexuszero-validator-key/1\",\"validatorId\":\"v 1\",\"scheme\":\"ecdsa-p256-sha256\",\"publicKey\":\"" + Key + "\",\"privateKey\":\"AAAA\"}", "validatorId" },
        { "{\"format\":\"nexuszero-validator-key/1\",\"validatorId\":\"v1\",\"scheme\":\"x\",\"publicKey\":\"" + Key + "\",\"privateKey\":\"AAAA\"}", "scheme" },
    };

    public static TheoryData<string, string> BadVoteRequests => new()
    {
        { "{\"setId\":\"00\",\"round\":1,\"deadlineUnixMs\":1,\"modelId\":\"m\",\"envelope\":\"\",\"output\":\"\",\"explanationMetrics\":{}}", "setId" },
        { VoteRequest("\"round\":-1"), "round" },
        { VoteRequest("\"round\":0"), "round" },
        { VoteRequest("\"round\":\"1\""), "round" },
        { VoteRequest("\"round\":1,\"extra\":1"), "extra" },
        { VoteRequest("\"round\":1", metrics: "{\"f\":\"x\"}"), "explanationMetrics" },
        { VoteRequest("\"round\":1", metrics: "{\"\":1}"), "Metric name" },
        { VoteRequest("\"round\":1", model: ""), "model id" },
        { "{}", "setId" },
    };

    [Theory]
    [MemberData(nameof(BadSetFiles))]
    public void SetFile_NamesTheField(string json, string field)
    {
        var ex = Assert.Throws<FormatException>(() => ValidatorSetFile.Parse(Encoding.UTF8.GetBytes(json)));
        log.WriteLine("RAW " + ex.InnerException?.Message);
        AssertClean(ex.Message, field);
    }

    [Theory]
    [MemberData(nameof(BadKeyFiles))]
    public void KeyFile_NamesTheField(string json, string field) =>
        AssertClean(Assert.Throws<FormatException>(() => ValidatorKeyFile.Parse(Encoding.UTF8.GetBytes(json), out _)).Message, field);

    [Theory]
    [MemberData(nameof(BadVoteRequests))]
    public async Task VoteEndpoint_400_NamesTheField(string json, string field)
    {
        using var cluster = new Cluster(4);
        var handler = new ValidatorHttpHandler(cluster.Validators[0]);
        var body = json.Replace("SETID", cluster.Set.SetIdHex, StringComparison.Ordinal);
        var response = await handler.HandleVoteAsync(Encoding.UTF8.GetBytes(body));
        Assert.Equal(400, response.StatusCode);
        AssertClean(Encoding.UTF8.GetString(response.Body.Span), field);
    }

    [Theory]
    [InlineData("{\"certificate\":5}", "certificate")]
    [InlineData("{\"certificate\":\"AAAA\"}", "magic")]
    [InlineData("{\"certificate\":\"%%\"}", "certificate")]
    [InlineData("{\"cert\":\"AAAA\"}", "cert")]
    [InlineData("{\"certificate\":null}", "certificate")]
    public void CommitEndpoint_400_NamesTheField(string json, string field)
    {
        using var cluster = new Cluster(4);
        var response = new ValidatorHttpHandler(cluster.Validators[0]).HandleCommit(Encoding.UTF8.GetBytes(json));
        Assert.Equal(400, response.StatusCode);
        AssertClean(Encoding.UTF8.GetString(response.Body.Span), field);
    }

    [Fact]
    public void Constructors_StateTheRule_ThatLoadersPassOn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NexusZero.Consensus.Validators.ValidatorMember("v1", Convert.FromBase64String(Key), 0));
        AssertClean(ErrorText.Of(ex), "weight");
        Assert.Throws<ArgumentException>(() => new ExplanationQualityEvaluator(new Dictionary<string, double>()));
    }

    private static string Set(string extra, string? publicKey = null, string id = "v1", string epoch = "1", string scheme = "ecdsa-p256-sha256") =>
        $"{{\"format\":\"nexuszero-validator-set/1\",\"epoch\":{epoch},\"scheme\":\"{scheme}\",\"validators\":[{{\"id\":\"{id}\",\"publicKey\":\"{publicKey ?? Key}\",{extra}}}]}}";

    private static string VoteRequest(string round, string metrics = "{\"fidelity\":0.9}", string model = "m") =>
        $"{{\"setId\":\"SETID\",{round},\"deadlineUnixMs\":4102444800000,\"modelId\":\"{model}\",\"envelope\":\"AQID\",\"output\":\"AQID\",\"explanationMetrics\":{metrics}}}";

    private static string NewPublicKey()
    {
        using var key = NexusZero.Consensus.Signing.SignatureSchemes.Default.GenerateKey();
        return Convert.ToBase64String(key.PublicKey.Span);
    }

    private void AssertClean(string message, string field)
    {
        log.WriteLine(message);
        Assert.DoesNotContain("(Parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("NexusZero.", message, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
        Assert.Contains(field, message, StringComparison.Ordinal);
    }
}
