using BenchmarkDotNet.Attributes;
using NexusZero.Hashing;
using NexusZero.Transcripts;

namespace NexusZero.Benchmarks.Proofs;

/// <summary>The Merlin transcript's building blocks: one Keccak-f[1600] permutation and a short transcript.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class TranscriptBenchmarks
{
    private readonly byte[] _state = new byte[200];
    private readonly byte[] _challenge = new byte[64];

    [Benchmark]
    public void KeccakPermutation() => KeccakF1600.Permute(_state);

    [Benchmark]
    public byte[] AppendTwoMessagesAndChallenge()
    {
        using var transcript = new Transcript("benchmark"u8);
        transcript.AppendMessage("a"u8, "some data"u8);
        transcript.AppendUInt64("n"u8, 42);
        transcript.ChallengeBytes("c"u8, _challenge);
        return _challenge;
    }
}
