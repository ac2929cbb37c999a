using NexusZero.Compression;
using NexusZero.Proofs;

namespace NexusZero.Tests.Proofs;

/// <summary>
/// TEST ONLY: the verifier's path from bytes to verdict (parse → dispatch → decode statement → verify)
/// for uncompressed envelopes; the pipeline owns decompression, so a compressed envelope counts as
/// rejected here.
/// </summary>
internal static class EnvelopeHarness
{
    public static (bool Accepted, string Reason) ParseAndVerify(byte[] bytes, ProofSystemRegistry registry)
    {
        if (!ProofEnvelope.TryParse(bytes, EnvelopeLimits.Default, out var envelope, out var error))
        {
            return (false, "malformed: " + error);
        }

        if (!registry.TryGet(envelope.ProofSystem, out var system))
        {
            return (false, "unknown proof system");
        }

        if (!system.TryGetParameterSet(envelope.ParameterSetId, out var parameters))
        {
            return (false, "unknown parameter set");
        }

        if (envelope.Codec != CompressionCodecId.None)
        {
            return (false, "compressed payload (no codec in this harness)");
        }

        if (!system.TryDecodeStatement(envelope.Statement.Span, parameters, out var statement, out error))
        {
            return (false, "statement: " + error);
        }

        var result = system.Verify(statement, envelope.Payload.Span, parameters, envelope.Context.Span);
        return (result.IsValid, result.ToString());
    }
}
