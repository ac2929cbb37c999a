using System.Net;
using NexusZero.Consensus.Http;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>
/// An HttpMessageHandler that routes requests for http://127.0.0.1:PORT/ to in-process validator handlers
/// without touching the network, with per-port misbehaviour for testing the HTTP client.
/// </summary>
internal sealed class LoopbackRouter : HttpMessageHandler
{
    private readonly Dictionary<int, ValidatorHttpHandler> _handlers = [];
    private readonly Dictionary<int, Func<int, HttpResponseMessage?>> _faults = [];
    private readonly Dictionary<int, int> _attempts = [];

    public static Uri UriFor(int port) => new($"http://127.0.0.1:{port}/");

    public void Add(int port, ValidatorHttpHandler handler) => _handlers[port] = handler;

    /// <summary>Given the attempt number, returns a response to send instead of the handler's, or null.</summary>
    public void Fault(int port, Func<int, HttpResponseMessage?> fault) => _faults[port] = fault;

    public int Attempts(int port)
    {
        lock (_attempts)
        {
            return _attempts.GetValueOrDefault(port);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var port = request.RequestUri!.Port;
        Assert.Equal("127.0.0.1", request.RequestUri.Host);
        int attempt;
        lock (_attempts)
        {
            attempt = _attempts[port] = _attempts.GetValueOrDefault(port) + 1;
        }

        if (_faults.TryGetValue(port, out var fault) && fault(attempt) is { } faulty)
        {
            if (faulty.StatusCode == HttpStatusCode.RequestTimeout)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return faulty;
        }

        var handler = _handlers[port];
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var response = request.RequestUri.AbsolutePath switch
        {
            ValidatorHttpHandler.VotePath => await handler.HandleVoteAsync(body, cancellationToken),
            ValidatorHttpHandler.CommitPath => handler.HandleCommit(body),
            _ => ValidatorHttpHandler.Error(404, "no such endpoint"),
        };
        return new HttpResponseMessage((HttpStatusCode)response.StatusCode) { Content = new ByteArrayContent(response.Body.ToArray()) };
    }
}
