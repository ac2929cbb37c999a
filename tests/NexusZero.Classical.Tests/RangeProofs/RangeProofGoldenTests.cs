using System.Security.Cryptography;
using NexusZero.Classical.Tests.Sigma;
using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>
/// Byte-exact proofs from a fixed nonce source. The digests were recorded with the prover that folded
/// the inner-product generators round by round (before the fixed-base speed-up), so they pin the proof
/// format, the transcript and every computed value: a faster prover must reproduce them exactly.
/// </summary>
public sealed class RangeProofGoldenTests
{
    public static TheoryData<string, int, int, string> Cases() => new()
    {
        { "ristretto255", 64, 1, "e9c3f73c0c5d4d8b8b42984bbb0600335134e0c7d2da3e9e67c1a17f2946a4c7" },
        { "ristretto255", 8, 4, "c328db21b226f1ff4b3985da46da4f6b5b201384eb56e15174b996fb67edf56e" },
        { "ristretto255", 32, 16, "d7d5562777c9262844139f28552e6b818f1af765533f836742f6329ec0bef5e0" },
        { "secp256k1", 16, 2, "76810c3a6bdf038a07713ab93fe1b72464a01644218eefb10b6ed4e43f12c0bb" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Proof_bytes_are_reproducible(string groupName, int bits, int m, string expectedSha256)
    {
        var group = TestGroups.ByName(groupName);
        var proof = DeterministicProof(group, bits, m, out var statement);
        Assert.Equal(expectedSha256, Convert.ToHexStringLower(SHA256.HashData(proof)));
        Assert.True(BulletproofsRangeProofSystem.Instance.Verify(statement, proof, BulletproofsRangeProofSystem.Instance.ParametersFor(group), "golden"u8).IsValid);
    }

    internal static byte[] DeterministicProof(IPrimeOrderGroup group, int bits, int m, out RangeStatement statement)
    {
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var values = Enumerable.Range(0, m).Select(i => (0x9E3779B97F4A7C15UL * (ulong)(i + 1)) & mask).ToArray();
        var blindings = values.Select((_, i) => group.ScalarFromUniformBytes(SHA512.HashData([(byte)i, 0x42]))).ToArray();
        var commitments = values.Select((v, i) => PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, v), blindings[i])).ToArray();
        statement = RangeStatement.ForValues(group, commitments, bits);
        var parameters = BulletproofsRangeProofSystem.Instance.ParametersFor(group);
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, parameters, statement, "golden"u8);
        using var randomness = new RepeatingByteRandom(0x5A);
        return RangeProofProtocol.Prove(transcript, group, bits, values, blindings, randomness);
    }

    /// <summary>TEST ONLY: a "random" source that repeats one byte, so the nonces are reproducible.</summary>
    private sealed class RepeatingByteRandom(byte value) : RandomNumberGenerator
    {
        public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

        public override void GetBytes(Span<byte> data) => data.Fill(value);
    }
}
