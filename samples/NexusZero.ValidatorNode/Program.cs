using System.Globalization;
using NexusZero.Consensus;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Locks;
using NexusZero.ValidatorNode;

// One validator per process. Usage:
//   NexusZero.ValidatorNode keygen --id v1 --out v1.key.json
//   NexusZero.ValidatorNode --key v1.key.json --validators set.json [--urls http://127.0.0.1:5081]
//                           [--min-metrics fidelity=0.5,stability=0.3] [--evaluation-delay-ms 0]
//                           [--inference-vk FILE (--model-commitment HEX | --weights-commitment HEX)]...
//                           [--verify-proofs true [--min-security 128]]
//                           [--commit-locks FILE] [--coordinator-key BASE64 [--coordinator-scheme ecdsa-p256] [--request-max-skew-seconds 60]]
// --inference-vk makes the node judge proofs of inference the way InferenceProposalEvaluator does in process: each
// proposal's output must be an inference subject naming one of the given models, and its envelope must prove that
// model maps the subject's input to its output. One group per model, repeatable: the model circuit's
// verification_key.json (snarkjs format, as `nexuszero prove inference --vk-out` writes it and `nexuszero receipt
// verify --vk` reads it), then its commitment (64 hex digits): --model-commitment for public weights (the SHA-256
// model commitment), --weights-commitment for private weights (the Poseidon weights commitment). Those envelopes are
// Groth16 over BN254 and verified at its 100-bit level; that level applies to them only.
// --verify-proofs true checks only that each envelope proves the statement it carries (not tied to the output), at
// --min-security bits (100, 128, 192 or 256; default 128, the library's floor, kept unless the operator lowers it).
// It never accepts a proof of inference: Groth16 falls below 128 bits, and at any floor its verifying key is not
// pinned (KeyNotPinned). It is refused beside --inference-vk, which verifies every envelope already, against the
// statement about the proposal's own output.
// A malformed option value, an unreadable or malformed key file or a conflict exits 2 with a message naming the option.
// --coordinator-key makes the node serve only vote and commit requests signed by that coordinator key (the
// NexusZero-Coordinator-Signature header, docs/formats.md); anything else gets 401 before its body is read.
// --urls http://127.0.0.1:0 binds a free port; the node prints "listening on URL" as one stdout line once it
// accepts requests, for each address it bound.
if (args.Length > 0 && args[0] == "keygen")
{
    return KeyGeneration.Run(args[1..]);
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ValidatorHttpHandler.MaxRequestBytes);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Loopback unless the operator says otherwise: a validator is not exposed by accident.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var keyPath = builder.Configuration["key"];
var setPath = builder.Configuration["validators"];
if (keyPath is null || setPath is null)
{
    Console.Error.WriteLine("validator-node: --key FILE and --validators FILE are required (create a key with: keygen --id ID --out FILE).");
    return 2;
}

Validator validator;
CoordinatorRequestAuthenticator? authenticator = null;
try
{
    var key = ValidatorKeyFile.Load(keyPath, out var id);
    var set = ValidatorSetFile.Load(setPath).ValidatorSet;
    var evaluators = new List<IQualityEvaluator> { new ExplanationQualityEvaluator(ParseMinimums(builder.Configuration["min-metrics"] ?? "fidelity=0.5")) };
    if (ProofChecks.Create(args, builder.Configuration) is { } proofCheck)
    {
        evaluators.Add(proofCheck);
    }

    var delayText = builder.Configuration["evaluation-delay-ms"] ?? "0";
    if (!int.TryParse(delayText, NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
    {
        throw new FormatException($"--evaluation-delay-ms: '{delayText}' is not a whole number of milliseconds.");
    }

    if (delay > 0)
    {
        evaluators.Add(new DelayEvaluator(TimeSpan.FromMilliseconds(delay)));
    }

    var lockPath = builder.Configuration["commit-locks"];
    var commitLocks = lockPath is null ? (ICommitLockStore)new InMemoryCommitLockStore() : new FileCommitLockStore(lockPath);
    validator = new Validator(set, id, key, evaluators, commitLocks);
    authenticator = CoordinatorKey.CreateAuthenticator(builder.Configuration, set.Scheme, id);
}
catch (Exception ex) when (ex is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"validator-node: {ex.Message}");
    return 2;
}

var handler = new ValidatorHttpHandler(validator, authenticator);
var app = builder.Build();
app.MapGet(ValidatorHttpHandler.InfoPath, (HttpContext context) => Respond(context, handler.HandleInfo()));
app.MapPost(ValidatorHttpHandler.VotePath, async (HttpContext context) =>
{
    if (!ValidatorHttpHandler.IsJsonContentType(context.Request.ContentType))
    {
        await Respond(context, ValidatorHttpHandler.UnsupportedMediaType(context.Request.ContentType));
        return;
    }

    if (Unsigned(context) is { } unsigned)
    {
        await Respond(context, unsigned);
        return;
    }

    var body = await RequestBody.ReadAsync(context);
    await Respond(context, body is null ? TooLarge() : await handler.HandleVoteAsync(body, SignatureHeader(context), context.RequestAborted));
});
app.MapPost(ValidatorHttpHandler.CommitPath, async (HttpContext context) =>
{
    if (!ValidatorHttpHandler.IsJsonContentType(context.Request.ContentType))
    {
        await Respond(context, ValidatorHttpHandler.UnsupportedMediaType(context.Request.ContentType));
        return;
    }

    if (Unsigned(context) is { } unsigned)
    {
        await Respond(context, unsigned);
        return;
    }

    var body = await RequestBody.ReadAsync(context);
    await Respond(context, body is null ? TooLarge() : handler.HandleCommit(body, SignatureHeader(context)));
});
await app.StartAsync();
foreach (var address in app.Urls)
{
    // After StartAsync the addresses are the bound ones, so a port of 0 shows the port the system chose.
    Console.Out.WriteLine($"listening on {address}");
}

Console.Out.Flush();
await app.WaitForShutdownAsync();
validator.Dispose();
return 0;

// A missing header is refused before the body is read; a present one is checked by the handler, which needs the body's digest.
ValidatorHttpResponse? Unsigned(HttpContext context) =>
    handler.RequiresSignedRequests && SignatureHeader(context) is null
        ? ValidatorHttpHandler.Error(401, $"{ValidatorHttpHandler.SignatureHeaderName}: missing; this validator accepts only requests signed by its coordinator.")
        : null;

static string? SignatureHeader(HttpContext context) =>
    context.Request.Headers.TryGetValue(ValidatorHttpHandler.SignatureHeaderName, out var values) && values.Count == 1 ? values[0] : null;

static ValidatorHttpResponse TooLarge() =>
    ValidatorHttpHandler.Error(413, $"body: larger than {ValidatorHttpHandler.MaxRequestBytes} bytes.");

static Task Respond(HttpContext context, ValidatorHttpResponse response)
{
    context.Response.StatusCode = response.StatusCode;
    context.Response.ContentType = "application/json";
    return context.Response.Body.WriteAsync(response.Body).AsTask();
}

static Dictionary<string, double> ParseMinimums(string text)
{
    var minimums = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        var parts = pair.Split('=');
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"--min-metrics: '{pair}' is not name=number.");
        }

        minimums[parts[0]] = value;
    }

    return minimums;
}
