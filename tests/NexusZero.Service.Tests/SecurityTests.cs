using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using NexusZero.Service.Protos;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class SecurityTests(ServiceFixture fixture)
{
    private VerifyInferenceRequest Request(IEnumerable<double>? input = null)
    {
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = Level.OutputOnly };
        request.Input.AddRange(input ?? fixture.Instances[0]);
        return request;
    }

    private static Metadata KeyOf(string key) => new() { { "x-api-key", key } };

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return ex.StatusCode;
    }

    [Fact]
    public async Task Missing_and_wrong_keys_are_unauthenticated()
    {
        using var service = fixture.Start();
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => service.Inference.VerifyInferenceAsync(Request()).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => service.Inference.VerifyInferenceAsync(Request(), KeyOf("not-a-key")).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => service.Inference.VerifyInferenceAsync(Request(), KeyOf(ServiceFixture.AdminKey)).ResponseAsync));
        Assert.Equal(0, service.Cache.Writes);
    }

    [Fact]
    public async Task Admin_is_refused_when_disabled_and_to_caller_keys()
    {
        using (var disabled = fixture.Start())
        {
            Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => disabled.Admin.ListModelsAsync(new ListModelsRequest(), KeyOf(ServiceFixture.AdminKey)).ResponseAsync));
            var http = await disabled.Http.SendAsync(Post("/v1/admin/list-models", "{}", ServiceFixture.AdminKey));
            Assert.Equal(HttpStatusCode.Forbidden, http.StatusCode);
        }

        using var enabled = fixture.Start(o => o.AdminEnabled = true);
        Assert.Equal(StatusCode.PermissionDenied, await StatusOf(() => enabled.Admin.ListModelsAsync(new ListModelsRequest(), KeyOf(ServiceFixture.CallerKey)).ResponseAsync));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOf(() => enabled.Admin.ListModelsAsync(new ListModelsRequest()).ResponseAsync));
        var list = await enabled.Admin.ListModelsAsync(new ListModelsRequest(), KeyOf(ServiceFixture.AdminKey));
        var model = Assert.Single(list.Models);
        Assert.Equal(ServiceFixture.ModelId, model.ModelId);
        Assert.Contains("vk_alpha_1", model.VerifyingKeyJson, StringComparison.Ordinal);

        var bad = new RegisterModelRequest { ModelId = "broken", Onnx = ByteString.CopyFromUtf8("not onnx") };
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => enabled.Admin.RegisterModelAsync(bad, KeyOf(ServiceFixture.AdminKey)).ResponseAsync));
        var taken = new RegisterModelRequest { ModelId = ServiceFixture.ModelId, Onnx = ByteString.CopyFrom(fixture.Onnx) };
        Assert.Equal(StatusCode.AlreadyExists, await StatusOf(() => enabled.Admin.RegisterModelAsync(taken, KeyOf(ServiceFixture.AdminKey)).ResponseAsync));
    }

    [Fact]
    public async Task Wrong_shape_non_finite_and_out_of_range_inputs_are_refused_before_any_work()
    {
        using var service = fixture.Start();
        var key = KeyOf(ServiceFixture.CallerKey);
        var shortRow = fixture.Instances[0][..12];
        var nan = (double[])fixture.Instances[0].Clone();
        nan[3] = double.NaN;
        var huge = (double[])fixture.Instances[0].Clone();
        huge[5] = 1e6;
        foreach (var input in new[] { shortRow, nan, huge })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => service.Inference.VerifyInferenceAsync(Request(input), key).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.StartsWith("input", ex.Status.Detail, StringComparison.Ordinal);
        }

        var unknown = Request();
        unknown.ModelId = "nope";
        Assert.Equal(StatusCode.NotFound, await StatusOf(() => service.Inference.VerifyInferenceAsync(unknown, key).ResponseAsync));
        var level = Request();
        level.Level = (Level)9;
        Assert.Equal(StatusCode.InvalidArgument, await StatusOf(() => service.Inference.VerifyInferenceAsync(level, key).ResponseAsync));
        Assert.Equal(0, service.Cache.Writes);
    }

    [Fact]
    public async Task Oversized_and_malformed_messages_are_refused_and_nothing_is_cached()
    {
        using var service = fixture.Start(o => o.MaxRequestBytes = 1024);
        var key = KeyOf(ServiceFixture.CallerKey);
        var big = Request();
        big.Context = ByteString.CopyFrom(new byte[2048]);
        Assert.Equal(StatusCode.ResourceExhausted, await StatusOf(() => service.Inference.VerifyInferenceAsync(big, key).ResponseAsync));

        // Bytes that are not a VerifyInferenceRequest: field 1 claims 64 bytes and has one.
        var raw = new Method<byte[], byte[]>(MethodType.Unary, "nexuszero.service.v1.VerifiableInference", "VerifyInference", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var malformed = service.Channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(key), new byte[] { 0x0A, 0x40, 0x41 });
        // Grpc.AspNetCore decodes before any service code runs and answers an undecodable message with Unknown.
        Assert.Equal(StatusCode.Unknown, await StatusOf(() => malformed.ResponseAsync));

        var tooLarge = await service.Http.SendAsync(Post("/v1/inference/verify", "{\"modelId\":\"wine\",\"context\":\"" + Convert.ToBase64String(new byte[2048]) + "\"}", ServiceFixture.CallerKey));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var notJson = await service.Http.SendAsync(Post("/v1/inference/verify", "{\"modelId\":", ServiceFixture.CallerKey));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("InvalidArgument", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, service.Cache.Writes);
    }

    [Fact]
    public async Task Rate_limit_is_per_caller_and_answers_resource_exhausted_or_429()
    {
        using var service = fixture.Start(o =>
        {
            o.RateLimitPermits = 2;
            o.RateLimitWindow = TimeSpan.FromMinutes(5);
        });
        var key = KeyOf(ServiceFixture.CallerKey);
        await service.Inference.VerifyInferenceAsync(Request(), key);
        await service.Inference.VerifyInferenceAsync(Request(), key);
        Assert.Equal(StatusCode.ResourceExhausted, await StatusOf(() => service.Inference.VerifyInferenceAsync(Request(), key).ResponseAsync));
        var http = await service.Http.SendAsync(Post("/v1/inference/verify", "{\"modelId\":\"wine\"}", ServiceFixture.CallerKey));
        Assert.Equal((HttpStatusCode)429, http.StatusCode);

        // Another caller has its own partition.
        await service.Inference.VerifyInferenceAsync(Request(), KeyOf(ServiceFixture.OtherCallerKey));
    }

    internal static HttpRequestMessage Post(string path, string json, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            message.Headers.Add("x-api-key", key);
        }

        return message;
    }
}
