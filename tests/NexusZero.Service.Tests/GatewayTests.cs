using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using NexusZero.Service.Protos;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class GatewayTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Gateway_returns_what_grpc_returns()
    {
        using var service = fixture.Start();
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = Level.Explanation, ExplainerSeed = 5 };
        request.Input.AddRange(fixture.Instances[1]);
        var grpc = await service.Inference.VerifyInferenceAsync(request, new Metadata { { "x-api-key", ServiceFixture.CallerKey } });

        var json = JsonFormatter.Default.Format(request);
        var http = await service.Http.SendAsync(SecurityTests.Post("/v1/inference/verify", json, ServiceFixture.CallerKey));
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        var gateway = JsonParser.Default.Parse<VerifyInferenceResponse>(await http.Content.ReadAsStringAsync());
        Assert.Equal(CacheStatus.Hit, gateway.Cache);
        gateway.Cache = grpc.Cache;
        Assert.Equal(grpc, gateway);
    }

    [Fact]
    public async Task Gateway_refusals_carry_http_status_and_code()
    {
        using var service = fixture.Start();
        var none = await service.Http.SendAsync(SecurityTests.Post("/v1/inference/verify", "{}", null));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var shape = await service.Http.SendAsync(SecurityTests.Post("/v1/inference/verify", "{\"modelId\":\"wine\",\"input\":[1,2]}", ServiceFixture.CallerKey));
        Assert.Equal(HttpStatusCode.BadRequest, shape.StatusCode);
        using var body = JsonDocument.Parse(await shape.Content.ReadAsStringAsync());
        Assert.Equal("InvalidArgument", body.RootElement.GetProperty("code").GetString());
        Assert.Equal(0, service.Cache.Writes);
    }
}
