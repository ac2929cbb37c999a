using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.Pipeline;
using NexusZero.Service.Protos;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class LevelTests(ServiceFixture fixture)
{
    private VerifyInferenceRequest Request(Level level, int instance = 0)
    {
        var request = new VerifyInferenceRequest { ModelId = ServiceFixture.ModelId, Level = level, ExplainerSeed = 7, Context = ByteString.CopyFromUtf8("test") };
        request.Input.AddRange(fixture.Instances[instance]);
        return request;
    }

    private static global::Grpc.Core.Metadata Key => new() { { "x-api-key", ServiceFixture.CallerKey } };

    [Fact]
    public async Task Output_only_and_explanation_levels_match_the_quantized_model()
    {
        using var service = fixture.Start();
        var output = await service.Inference.VerifyInferenceAsync(Request(Level.OutputOnly), Key);
        var expected = fixture.Model.Model.Evaluate(fixture.Model.Model.QuantizeInput(fixture.Instances[0]));
        Assert.Equal(expected.Output, output.QuantizedOutput);
        Assert.Equal(expected.ArgMax, output.Argmax);
        Assert.Null(output.Explanation);
        Assert.True(output.ProofEnvelope.IsEmpty);

        var explained = await service.Inference.VerifyInferenceAsync(Request(Level.Explanation), Key);
        Assert.Equal(expected.Output, explained.QuantizedOutput);
        Assert.Equal(13, explained.Explanation.Values.Count);
        Assert.Equal(explained.Argmax, explained.Explanation.OutputIndex);
        Assert.True(explained.Explanation.Metrics["efficiency"] > 0.99);
        Assert.True(explained.ProofEnvelope.IsEmpty);
    }

    [Fact]
    public async Task Proof_level_envelope_verifies_against_the_pinned_key()
    {
        using var service = fixture.Start();
        var response = await service.Inference.VerifyInferenceAsync(Request(Level.Proof), Key);
        var subject = InferenceSubject.Parse(response.Subject.Span);
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        Assert.True(api.Verify(response.ProofEnvelope.Span, fixture.Model.Keys.Statement(subject.Claim)).IsValid);
        Assert.True(response.Certificate.IsEmpty);
        Assert.NotNull(response.Explanation);
    }

    [Fact]
    public async Task Consensus_level_receipt_verifies_offline_and_through_check_consensus()
    {
        using var service = fixture.Start();
        var response = await service.Inference.VerifyInferenceAsync(Request(Level.Consensus), Key);
        var verdict = InferenceReceiptVerifier.Verify(response.Receipt.Span, fixture.Model.VerifyingKey, service.Validators.ValidatorSet, fixture.Model.Commitment.Span);
        Assert.True(verdict.IsValid, verdict.ToString());

        var check = await service.Inference.CheckConsensusAsync(new CheckConsensusRequest { Receipt = response.Receipt }, Key);
        Assert.True(check.Accepted, check.FailureMessage);
        Assert.Equal(response.Certificate, check.Certificate);

        // The same receipt under another validator set (another service's) is not accepted.
        using var stranger = fixture.Start();
        var foreign = await stranger.Inference.CheckConsensusAsync(new CheckConsensusRequest { Receipt = response.Receipt }, Key);
        Assert.False(foreign.Accepted);
        Assert.Equal(nameof(ReceiptFailure.Certificate), foreign.FailureReason);

        // Bytes that are not a receipt are a malformed request.
        var garbage = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => service.Inference.CheckConsensusAsync(new CheckConsensusRequest { Receipt = ByteString.CopyFromUtf8("NZIR?") }, Key).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, garbage.StatusCode);

        // A proposal of the receipt's parts goes to a round and is certified.
        var receipt = InferenceReceipt.Parse(response.Receipt.Span);
        var proposal = new Protos.Proposal
        {
            Subject = ByteString.CopyFrom(receipt.Subject.ToBytes()),
            Envelope = ByteString.CopyFrom(receipt.Envelope),
            Explanation = ByteString.CopyFrom(receipt.Explanation.ToBytes()),
        };
        foreach (var (name, value) in receipt.Explanation.Metrics)
        {
            proposal.Metrics[name] = value;
        }

        var round = await service.Inference.CheckConsensusAsync(new CheckConsensusRequest { Proposal = proposal }, Key);
        Assert.True(round.Accepted, round.FailureMessage);
    }

    [Theory]
    [InlineData("kernel-shap")]
    [InlineData("lime")]
    [InlineData("counterfactual")]
    public async Task Get_explanation_offers_each_method(string method)
    {
        using var service = fixture.Start();
        var request = new GetExplanationRequest { ModelId = ServiceFixture.ModelId, Method = method, Seed = 3 };
        request.Input.AddRange(fixture.Instances[1]);
        var response = await service.Inference.GetExplanationAsync(request, Key);
        if (method == "counterfactual")
        {
            Assert.False(string.IsNullOrEmpty(response.Summary));
        }
        else
        {
            Assert.Equal(13, response.Explanation.Values.Count);
        }

        Assert.Equal(0, service.Cache.Count);
    }
}
