using System.Diagnostics;
using Google.Protobuf;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Receipts;
using NexusZero.Pipeline;
using NexusZero.Service.Consensus;
using NexusZero.Service.Models;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;
using NexusZero.Service.Telemetry;

namespace NexusZero.Service.Handlers;

/// <summary>
/// CheckConsensus: a receipt is verified offline against the pinned key of the model it names and this service's
/// validator set; a proposal (subject, envelope, explanation) goes to a consensus round. Either way the answer is the
/// certificate or a failure code and message; malformed bytes are InvalidArgument.
/// </summary>
internal sealed class ConsensusCheckHandler(ModelRegistry registry, ServiceValidators validators, NexuszeroApi api)
{
    public async Task<CheckConsensusResponse> CheckAsync(CheckConsensusRequest request, CancellationToken cancellationToken)
    {
        using var span = ServiceTelemetry.ActivitySource.StartActivity("validate_consensus");
        return request.ItemCase switch
        {
            CheckConsensusRequest.ItemOneofCase.Receipt => CheckReceipt(request.Receipt.Span),
            CheckConsensusRequest.ItemOneofCase.Proposal => await ProposeAsync(request.Proposal, cancellationToken).ConfigureAwait(false),
            _ => throw ServiceException.InvalidArgument("item: send a receipt or a proposal."),
        };
    }

    private CheckConsensusResponse CheckReceipt(ReadOnlySpan<byte> bytes)
    {
        if (!InferenceReceipt.TryParse(bytes, out var receipt, out var error))
        {
            throw ServiceException.InvalidArgument($"receipt: {error}");
        }

        if (!registry.TryGetByCommitment(receipt!.Subject.ModelCommitment, out var model))
        {
            return Failed("UnknownModel", "The receipt names a model this service does not hold.");
        }

        var verdict = InferenceReceiptVerifier.Verify(receipt, model.VerifyingKey, validators.ValidatorSet, model.Commitment.Span, api);
        return verdict.IsValid
            ? new CheckConsensusResponse { Accepted = true, Certificate = ByteString.CopyFrom(receipt.Certificate.ToBytes()) }
            : Failed(verdict.Failure.ToString(), verdict.Reason ?? "");
    }

    private async Task<CheckConsensusResponse> ProposeAsync(Protos.Proposal proposal, CancellationToken cancellationToken)
    {
        ProposalContent content;
        try
        {
            var subject = InferenceSubject.Parse(proposal.Subject.Span);
            var explanation = ReceiptExplanation.Parse(proposal.Explanation.Span, proposal.Metrics);
            content = InferenceReceipt.ToProposalContent(subject, proposal.Envelope.Span, explanation);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw ServiceException.InvalidArgument($"proposal: {ex.Message}");
        }

        var clock = Stopwatch.StartNew();
        var round = await validators.Client.ProposeAsync(content, cancellationToken).ConfigureAwait(false);
        ServiceTelemetry.ConsensusLatency.Record(clock.Elapsed.TotalSeconds);
        if (round.Certificate is not { } certificate)
        {
            return Failed(round.FailureReason.ToString(), round.FailureMessage ?? "");
        }

        return certificate.Verdict == Verdict.Accept
            ? new CheckConsensusResponse { Accepted = true, Certificate = ByteString.CopyFrom(certificate.ToBytes()) }
            : new CheckConsensusResponse { Accepted = false, Certificate = ByteString.CopyFrom(certificate.ToBytes()), FailureReason = "Rejected", FailureMessage = $"The validators certified a rejection (score {certificate.AggregateScore})." };
    }

    private static CheckConsensusResponse Failed(string reason, string message) => new() { Accepted = false, FailureReason = reason, FailureMessage = message };
}
