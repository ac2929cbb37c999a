using System.Buffers.Binary;
using System.Security.Cryptography;
using NexusZero.Groups.Bn254;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// The verifier's random coins, drawn from the Fiat–Shamir transcript, and the prover's masks, drawn from
/// <see cref="RandomNumberGenerator"/>. Field elements come from 64 bytes reduced modulo r (statistical distance
/// from uniform below 2^−250); query positions are the low LogN bits of 8-byte words, redrawn on repeats, so they are
/// t distinct uniform positions.
/// </summary>
internal static class LigeroChallenges
{
    private static readonly Fr TwoTo256 = Fr.FromCanonical(Fr.Parameters.R);

    /// <summary>Fills <paramref name="destination"/> with challenges under <paramref name="label"/>.</summary>
    public static void FieldElements(Transcript transcript, ReadOnlySpan<byte> label, Span<Fr> destination)
    {
        var bytes = new byte[64 * destination.Length];
        transcript.ChallengeBytes(label, bytes);
        FromWideBytes(bytes, destination);
    }

    /// <summary>Uniform secret field elements for masks.</summary>
    public static void RandomElements(Span<Fr> destination)
    {
        const int Chunk = 256;
        Span<byte> bytes = stackalloc byte[64 * Chunk];
        for (var start = 0; start < destination.Length; start += Chunk)
        {
            var count = Math.Min(Chunk, destination.Length - start);
            RandomNumberGenerator.Fill(bytes[..(64 * count)]);
            FromWideBytes(bytes[..(64 * count)], destination.Slice(start, count));
        }

        CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>t distinct positions in [0, 2^logN), in the order drawn.</summary>
    public static int[] QueryPositions(Transcript transcript, int queries, int logN)
    {
        var positions = new int[queries];
        var seen = new HashSet<int>();
        var mask = (1 << logN) - 1;
        var filled = 0;
        var round = 0UL;
        var bytes = new byte[8 * queries];
        while (filled < queries)
        {
            transcript.AppendUInt64("ligero-query-round"u8, round++);
            transcript.ChallengeBytes("ligero-queries"u8, bytes);
            for (var i = 0; i < queries && filled < queries; i++)
            {
                var position = (int)(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 * i, 8)) & (ulong)mask);
                if (seen.Add(position))
                {
                    positions[filled++] = position;
                }
            }
        }

        return positions;
    }

    private static void FromWideBytes(ReadOnlySpan<byte> bytes, Span<Fr> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var high = Fr.FromBigEndianReduced(bytes.Slice(64 * i, 32));
            var low = Fr.FromBigEndianReduced(bytes.Slice((64 * i) + 32, 32));
            destination[i] = (high * TwoTo256) + low;
        }
    }
}
