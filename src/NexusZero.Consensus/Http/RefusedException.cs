using System.Net;

namespace NexusZero.Consensus.Http;

/// <summary>A 409 from a validator, with its body for the caller to interpret.</summary>
internal sealed class RefusedException(string validatorId, byte[] body)
    : HttpRequestException($"{validatorId} answered 409 Conflict.", null, HttpStatusCode.Conflict)
{
    public byte[] Body { get; } = body;
}
