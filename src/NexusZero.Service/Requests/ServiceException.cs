using Grpc.Core;

namespace NexusZero.Service.Requests;

/// <summary>
/// A request refused or failed for a reason the caller may read: one gRPC status code and a message that names the
/// field and the limit, never a secret or a raw input. The gateway maps the same code to an HTTP status.
/// </summary>
internal sealed class ServiceException : Exception
{
    public ServiceException(StatusCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public StatusCode Code { get; }

    public static ServiceException InvalidArgument(string message) => new(StatusCode.InvalidArgument, message);

    public static ServiceException NotFound(string message) => new(StatusCode.NotFound, message);

    public RpcException ToRpcException() => new(new Status(Code, Message));
}
