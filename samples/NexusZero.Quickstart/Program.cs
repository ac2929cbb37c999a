// NexusZero quickstart: prove that you know the secret x behind a public value X = x·B on ristretto255
// (a Schnorr proof), verify it, and watch tampered or re-targeted proofs get rejected.
using NexusZero;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

var group = Ristretto255Group.Instance;
var api = new NexuszeroApi(ProtocolConfig.Default());

// The prover's secret and the public value everybody may know.
using var secret = group.RandomScalar();
var publicValue = group.MultiplyBase(secret);
var statement = new DiscreteLogStatement(group, publicValue);
var context = "quickstart: login for alice"u8.ToArray();

// The first proof pays for JIT compilation; the timings shown are those of the second (still not
// steady state: docs/benchmarks.md has the measured figures).
var cold = api.ProveDiscreteLog(publicValue, secret, context);
var result = api.ProveDiscreteLog(publicValue, secret, context);
var proof = result.ToBytes();
var metrics = result.Metrics;

Console.WriteLine("NexusZero quickstart: Schnorr proof of knowledge of a discrete log over ristretto255");
Console.WriteLine($"  public value X   {Convert.ToHexStringLower(publicValue.ToBytes())}");
Console.WriteLine($"  proof envelope   {proof.Length} bytes ({metrics.OriginalPayloadSize}-byte proof, codec {metrics.Codec}, parameters {metrics.ParameterSetName})");
Console.WriteLine($"  stage timings    (first proof, with JIT: {cold.Metrics.TotalDuration.TotalMilliseconds:F1} ms in total)");
foreach (var (stage, duration) in metrics.StageDurations.OrderBy(s => s.Key))
{
    Console.WriteLine($"    {stage,-12} {duration.TotalMicroseconds,10:F1} µs");
}

Console.WriteLine($"    {"total",-12} {metrics.TotalDuration.TotalMicroseconds,10:F1} µs");

var verified = api.Verify(proof, statement);
Console.WriteLine($"  verify           {Verdict(verified)}");

// Change one bit of the proof's response scalar: the verification equation no longer holds.
var tampered = (byte[])proof.Clone();
tampered[^32] ^= 0x01;
var tamperedResult = api.Verify(tampered, statement);
Console.WriteLine($"  tampered proof   {Verdict(tamperedResult)}");

// Replay the same proof under another context (e.g. another session): Fiat–Shamir binds the context.
var envelope = result.Envelope;
var replayed = new ProofEnvelope(envelope.ProofSystem, envelope.ParameterSetId, envelope.Statement.Span, "quickstart: login for mallory"u8, envelope.Payload.Span);
var replayResult = api.Verify(replayed.ToBytes(), statement);
Console.WriteLine($"  wrong context    {Verdict(replayResult)}");

// Present the proof as one for somebody else's public value.
using var otherSecret = group.RandomScalar();
var mismatch = api.Verify(proof, new DiscreteLogStatement(group, group.MultiplyBase(otherSecret)));
Console.WriteLine($"  other statement  {Verdict(mismatch)}");

var statistics = api.Statistics;
Console.WriteLine($"  statistics       generated {statistics.ProofsGenerated}, verified {statistics.ProofsVerified}, rejected {statistics.ProofsRejected}");

var expected = verified.IsValid && !tamperedResult.IsValid && !replayResult.IsValid && !mismatch.IsValid;
Console.WriteLine(expected ? "OK: the valid proof verified and every altered one was rejected." : "UNEXPECTED: see the verdicts above.");
return expected ? 0 : 1;

static string Verdict(VerificationResult result) =>
    result.IsValid
        ? $"valid ({result.Elapsed?.TotalMicroseconds:F1} µs)"
        : $"rejected: {result.Failure} ({result.Reason})";
