using System.Security.Cryptography;
using NexusZero.Consensus.Validators;
using NexusZero.Inference.Receipts;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Service.Caching;
using NexusZero.Service.Models;
using NexusZero.Service.Requests;

namespace NexusZero.Service.Results;

/// <summary>
/// Decides whether a value read from the untrusted cache may be served for one request (docs/security.md, "Untrusted
/// cache"). Every level: the value parses strictly, is of the requested level, and its subject names this model and
/// exactly this quantized input. Output-only and explanation: the HMAC tag under the service secret, bound to the cache
/// key. Proof: the envelope's context is the request's and the envelope verifies under the pinned key for the subject.
/// Consensus: the whole receipt verifies (certificate under the validator set, then the proof).
/// </summary>
internal sealed class CachedResultVerifier
{
    private readonly byte[] _secret;
    private readonly NexuszeroApi _api;
    private long _proofChecks;

    public CachedResultVerifier(byte[] secret, NexuszeroApi api)
    {
        _secret = secret;
        _api = api;
    }

    /// <summary>How many proofs (level 2) and receipts (level 3) this verifier has checked: a test seam that shows a warm
    /// hit of bytes the coordinator already verified does not pay for a verification again.</summary>
    internal long ProofChecks => Interlocked.Read(ref _proofChecks);

    /// <summary>The parsed result when the value may be served; null (and the reason) when it must be recomputed.</summary>
    public InferenceResult? Verify(ReadOnlySpan<byte> value, ReceiptCacheKey key, RegisteredModel model, ValidatedInput input, ValidatorSet validators, out string? reason)
    {
        ParsedCachedResult parsed;
        try
        {
            parsed = CachedResultEncoding.Parse(value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            reason = $"malformed: {ex.Message}";
            return null;
        }

        var result = parsed.Result;
        reason = Check(parsed, key, model, input, validators);
        return reason is null ? result : null;
    }

    private string? Check(ParsedCachedResult parsed, ReceiptCacheKey key, RegisteredModel model, ValidatedInput input, ValidatorSet validators)
    {
        var result = parsed.Result;
        if (result.Level != key.Level)
        {
            return $"level {result.Level} where {key.Level} was asked";
        }

        if (!CryptographicOperations.FixedTimeEquals(result.Subject.ModelCommitment, model.Commitment.Span) || !result.Subject.Claim.Input.SequenceEqual(input.Quantized))
        {
            return "the subject is about another model or input";
        }

        var hasExplanation = result.Level >= InferenceLevel.Explanation;
        var hasProof = result.Level >= InferenceLevel.Proof;
        var hasCertificate = result.Level == InferenceLevel.Consensus;
        if ((result.Explanation is not null) != hasExplanation || (result.Envelope is not null) != hasProof || (result.Certificate is not null) != hasCertificate)
        {
            return "the parts present do not match the level";
        }

        if (result.Explanation is { } explanation && explanation.OutputIndex >= result.Subject.Claim.Output.Count)
        {
            return "the explanation is of an output the model lacks";
        }

        if (CachedResultEncoding.IsTagged(result.Level))
        {
            var expected = CachedResultEncoding.Tag(_secret, key, parsed.TaggedBody);
            return parsed.Tag.Length == CachedResultEncoding.TagSize && CryptographicOperations.FixedTimeEquals(expected, parsed.Tag) ? null : "the tag does not verify";
        }

        if (parsed.Tag.Length != 0)
        {
            return "a proof-level value carries a tag";
        }

        try
        {
            if (!ProofEnvelope.Parse(result.Envelope).Context.Span.SequenceEqual(input.Context))
            {
                return "the envelope is bound to another context";
            }
        }
        catch (FormatException ex)
        {
            return $"the envelope is malformed: {ex.Message}";
        }

        Interlocked.Increment(ref _proofChecks);
        if (result.Receipt is { } receipt)
        {
            var verdict = InferenceReceiptVerifier.Verify(receipt, model.VerifyingKey, validators, model.Commitment.Span, _api);
            return verdict.IsValid ? null : $"the receipt does not verify: {verdict}";
        }

        Statement statement;
        try
        {
            statement = model.Keys.Statement(result.Subject.Claim);
        }
        catch (ArgumentException ex)
        {
            return $"the claim does not fit the model: {ex.Message}";
        }

        var proof = _api.Verify(result.Envelope, statement);
        return proof.IsValid ? null : $"the proof does not verify: {proof}";
    }
}
