using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Explainability.Data;

namespace NexusZero.Service.Models;

/// <summary>
/// The models this service serves, by id and by commitment. Filled from <see cref="NexusZeroServiceOptions.Models"/> at
/// start-up and by the admin call; bounded by <see cref="NexusZeroServiceOptions.MaxModels"/>. Thread-safe.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, RegisteredModel> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegisteredModel> _byCommitment = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _maxModels;

    /// <summary>Creates an empty registry holding at most <paramref name="maxModels"/> models.</summary>
    /// <param name="maxModels">The bound (at least 1).</param>
    public ModelRegistry(int maxModels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxModels, 1);
        _maxModels = maxModels;
    }

    /// <summary>The number of models.</summary>
    public int Count => _byId.Count;

    /// <summary>Loads the configured models (imports, quantizes and runs each one's local setup).</summary>
    /// <param name="options">The service options.</param>
    /// <returns>The registry.</returns>
    /// <exception cref="ArgumentException">A model file is refused.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ModelRegistry FromOptions(NexusZeroServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = new ModelRegistry(options.MaxModels);
        foreach (var source in options.Models)
        {
            IReadOnlyList<double[]>? background = null;
            IReadOnlyList<string>? names = null;
            if (source.BackgroundCsvPath is { Length: > 0 } csvPath)
            {
                var csv = TabularCsv.Load(csvPath);
                background = csv.Rows;
                names = csv.Columns;
            }

            registry.Add(RegisteredModel.Create(source.Id, File.ReadAllBytes(source.OnnxPath), background, names, source.ProvingKeyPath));
        }

        return registry;
    }

    /// <summary>Adds a prepared model.</summary>
    /// <exception cref="InvalidOperationException">The id or the commitment is already registered, or the registry is full.</exception>
    internal void Add(RegisteredModel model)
    {
        lock (_gate)
        {
            if (_byId.Count >= _maxModels)
            {
                throw new InvalidOperationException($"The registry holds its limit of {_maxModels} models.");
            }

            var commitment = Convert.ToHexStringLower(model.Commitment.Span);
            if (_byId.ContainsKey(model.Id) || _byCommitment.ContainsKey(commitment))
            {
                throw new InvalidOperationException($"Model '{model.Id}' (or one with the same commitment) is already registered.");
            }

            _byId[model.Id] = model;
            _byCommitment[commitment] = model;
        }
    }

    internal bool TryGet(string id, [NotNullWhen(true)] out RegisteredModel? model) => _byId.TryGetValue(id, out model);

    internal bool TryGetByCommitment(ReadOnlySpan<byte> commitment, [NotNullWhen(true)] out RegisteredModel? model) =>
        _byCommitment.TryGetValue(Convert.ToHexStringLower(commitment), out model);

    internal IReadOnlyList<RegisteredModel> List() => [.. _byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var model in _byId.Values)
        {
            model.Dispose();
        }
    }
}
