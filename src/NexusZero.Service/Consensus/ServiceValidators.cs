using NexusZero.Consensus;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;
using NexusZero.Service.Handlers;
using NexusZero.Service.Models;

namespace NexusZero.Service.Consensus;

/// <summary>
/// Who certifies results: in-process validators with keys drawn at start-up (the default), or the remote nodes a
/// validator-set file lists, over the HTTP transport. <see cref="ValidatorSet"/> is what verifiers pin.
/// </summary>
public sealed class ServiceValidators : IDisposable
{
    private readonly Validator[] _local;
    private readonly HttpConsensusClient? _remote;

    private ServiceValidators(ValidatorSet set, IConsensusClient client, Validator[] local, HttpConsensusClient? remote)
    {
        ValidatorSet = set;
        Client = client;
        _local = local;
        _remote = remote;
    }

    /// <summary>The validator set the certificates verify under.</summary>
    public ValidatorSet ValidatorSet { get; }

    /// <summary>Whether the validators are remote nodes.</summary>
    public bool IsRemote => _remote is not null;

    internal IConsensusClient Client { get; }

    /// <summary>Builds the validators the options ask for.</summary>
    /// <param name="options">The service options.</param>
    /// <param name="registry">The models in-process validators check proofs against.</param>
    /// <returns>The validators.</returns>
    /// <exception cref="FormatException">The validator-set file is malformed.</exception>
    /// <exception cref="InvalidOperationException">A member of the file has no endpoint.</exception>
    public static ServiceValidators Create(NexusZeroServiceOptions options, ModelRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        if (options.ValidatorSetPath is { Length: > 0 } path)
        {
            var file = ValidatorSetFile.Load(path);
            var missing = file.ValidatorSet.Members.FirstOrDefault(m => !file.Endpoints.ContainsKey(m.Id));
            if (missing is not null)
            {
                throw new InvalidOperationException($"Validator '{missing.Id}' in {path} has no endpoint.");
            }

            // Signed requests when a coordinator key is configured: nodes pinned to it refuse strangers before any work.
            var signer = options.CoordinatorKeyPath is { Length: > 0 } keyPath
                ? new CoordinatorRequestSigner(ValidatorKeyFile.Load(keyPath, out _))
                : null;
            var remote = new HttpConsensusClient(file.ValidatorSet, file.Endpoints, httpClient: null, options: null, signer);
            return new ServiceValidators(file.ValidatorSet, remote, [], remote);
        }

        var count = options.InProcessValidators;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(options.InProcessValidators));
        var keys = Enumerable.Range(0, count).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        var set = ValidatorSet.Create(1, SignatureSchemes.Default, keys.Select((k, i) => new ValidatorMember($"validator-{i + 1}", k.PublicKey.Span)));
        var thresholds = new Dictionary<string, double> { [InferenceRunner.EfficiencyMetric] = options.MinExplanationEfficiency };
        var validators = keys.Select((k, i) => new Validator(set, $"validator-{i + 1}", k, [
            new RegistryProposalEvaluator(registry),
            new ExplanationQualityEvaluator(thresholds),
        ])).ToArray();
        return new ServiceValidators(set, new InProcessConsensusClient(set, validators), validators, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var validator in _local)
        {
            validator.Dispose();
        }

        _remote?.Dispose();
    }
}
