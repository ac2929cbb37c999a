namespace NexusZero.Consensus.Http;

/// <summary>What a validator host sends back: an HTTP status code and a JSON body.</summary>
/// <param name="StatusCode">200, 400 (malformed request), 401 (not signed by the coordinator), 409 (refused) or 404.</param>
/// <param name="Body">UTF-8 JSON.</param>
public sealed record ValidatorHttpResponse(int StatusCode, ReadOnlyMemory<byte> Body);
