using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Benchmarks.Circuits;

/// <summary>
/// A SHA-256 preimage proved and verified through the pipeline (issue #14): <c>ProvePreimage</c> on the
/// Default preset at security level 100 (so each proof is also verified once after generation), and
/// <c>Verify(envelope, keys.Statement(digest))</c> from envelope bytes. GlobalSetup runs the local key setup
/// (tens of seconds) and one proof.
/// Run: dotnet run -c Release --project benchmarks/NexusZero.Benchmarks -- --filter '*Sha256PreimageBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class Sha256PreimageBenchmarks
{
    private readonly NexuszeroApi _api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });
    private PreimageCircuitKeys _keys = null!;
    private byte[] _message = [];
    private byte[] _digest = [];
    private byte[] _envelope = [];
    private Statement _statement = null!;

    /// <summary>Message length in bytes.</summary>
    [Params(32)]
    public int MessageLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[MessageLength];
        new Random(3).NextBytes(_message);
        _digest = SHA256.HashData(_message);
        _keys = PreimageCircuitKeys.CreateWithLocalSetup(HashFunction.Sha256, MessageLength);
        _statement = _keys.Statement(_digest);
        _envelope = Prove().Envelope.ToBytes();
        if (!_api.Verify(_envelope, _statement).IsValid)
        {
            throw new InvalidOperationException("The benchmark's preimage proof does not verify.");
        }
    }

    [Benchmark]
    public ProofResult Prove() => _api.ProvePreimage(HashFunction.Sha256, _digest, _message, _keys, "benchmark"u8);

    [Benchmark]
    public bool Verify() => _api.Verify(_envelope, _statement).IsValid;
}
