using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Transport;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Runs rounds with validator hosts over HTTP (samples/NexusZero.ValidatorNode). Requests to each validator
/// have their own timeout, are retried with exponential backoff on transport errors and 5xx, and honour
/// cancellation. Nothing from the network counts until its signature checks against the validator set.
/// </summary>
public sealed class HttpConsensusClient : IConsensusClient, IDisposable
{
    private readonly ConsensusCoordinator _coordinator;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates the client.</summary>
    /// <param name="set">The validator set.</param>
    /// <param name="endpoints">Base URIs by validator id (members without an endpoint are not asked).</param>
    /// <param name="httpClient">The HTTP client to use; one is created (and disposed with this client) when null.</param>
    /// <param name="options">Timing and retry settings; defaults when null.</param>
    /// <exception cref="ArgumentException">An endpoint names a non-member, or the options are out of range.</exception>
    public HttpConsensusClient(ValidatorSet set, IReadOnlyDictionary<string, Uri> endpoints, HttpClient? httpClient = null, ConsensusOptions? options = null)
        : this(set, endpoints, httpClient, options, null)
    {
    }

    /// <summary>Creates a client whose requests carry the coordinator's signature (for hosts that accept only signed requests).</summary>
    /// <param name="set">The validator set.</param>
    /// <param name="endpoints">Base URIs by validator id (members without an endpoint are not asked).</param>
    /// <param name="httpClient">The HTTP client to use; one is created (and disposed with this client) when null.</param>
    /// <param name="options">Timing and retry settings; defaults when null.</param>
    /// <param name="requestSigner">Signs every vote and commit request; null sends them unsigned.</param>
    /// <exception cref="ArgumentException">An endpoint names a non-member, or the options are out of range.</exception>
    public HttpConsensusClient(ValidatorSet set, IReadOnlyDictionary<string, Uri> endpoints, HttpClient? httpClient, ConsensusOptions? options, CoordinatorRequestSigner? requestSigner)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new ConsensusOptions();
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var channels = endpoints.Select(e => new HttpValidatorChannel(e.Key, e.Value, _http, options, requestSigner));
        _coordinator = new ConsensusCoordinator(set, channels, options);
    }

    /// <inheritdoc />
    public ValidatorSet ValidatorSet => _coordinator.ValidatorSet;

    /// <inheritdoc />
    public Task<ConsensusResult> ProposeAsync(ProposalContent content, CancellationToken cancellationToken = default) =>
        _coordinator.RunAsync(content, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
