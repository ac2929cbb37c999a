using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NexusZero.Compression;

/// <summary>
/// xxHash32 (the LZ4 frame checksum), one-shot and incremental. Our own because System.IO.Hashing is
/// not served here; it is not a cryptographic hash and only detects accidental corruption.
/// </summary>
internal sealed class XxHash32
{
    private const uint Prime1 = 0x9E3779B1u;
    private const uint Prime2 = 0x85EBCA77u;
    private const uint Prime3 = 0xC2B2AE3Du;
    private const uint Prime4 = 0x27D4EB2Fu;
    private const uint Prime5 = 0x165667B1u;
    private const int StripeLength = 16;

    private readonly uint _seed;
    private readonly byte[] _pending = new byte[StripeLength];
    private uint _v1;
    private uint _v2;
    private uint _v3;
    private uint _v4;
    private int _pendingLength;
    private ulong _totalLength;

    /// <summary>Starts an incremental hash with the given seed (LZ4 frames use 0).</summary>
    public XxHash32(uint seed = 0)
    {
        _seed = seed;
        Reset();
    }

    /// <summary>Forgets everything appended so far.</summary>
    public void Reset()
    {
        _v1 = unchecked(_seed + Prime1 + Prime2);
        _v2 = unchecked(_seed + Prime2);
        _v3 = _seed;
        _v4 = unchecked(_seed - Prime1);
        _pendingLength = 0;
        _totalLength = 0;
    }

    /// <summary>Adds bytes to the hashed message.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        if (_pendingLength > 0)
        {
            var take = Math.Min(StripeLength - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < StripeLength)
            {
                return;
            }

            ConsumeStripes(_pending);
            _pendingLength = 0;
        }

        var whole = data.Length & ~(StripeLength - 1);
        if (whole > 0)
        {
            ConsumeStripes(data[..whole]);
        }

        data[whole..].CopyTo(_pending);
        _pendingLength = data.Length - whole;
    }

    /// <summary>The hash of everything appended so far; appending may continue.</summary>
    public uint GetCurrentHash()
    {
        var h = _totalLength >= StripeLength
            ? BitOperations.RotateLeft(_v1, 1) + BitOperations.RotateLeft(_v2, 7) + BitOperations.RotateLeft(_v3, 12) + BitOperations.RotateLeft(_v4, 18)
            : unchecked(_seed + Prime5);
        // The length is mixed in modulo 2^32, as the reference does.
        h = unchecked(h + (uint)_totalLength);
        return Finish(h, _pending.AsSpan(0, _pendingLength));
    }

    /// <summary>The xxHash32 of <paramref name="data"/>.</summary>
    public static uint Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        uint h;
        var length = data.Length;
        if (length >= StripeLength)
        {
            var v1 = unchecked(seed + Prime1 + Prime2);
            var v2 = unchecked(seed + Prime2);
            var v3 = seed;
            var v4 = unchecked(seed - Prime1);
            var whole = length & ~(StripeLength - 1);
            ref var start = ref MemoryMarshal.GetReference(data);
            for (nint i = 0; i < whole; i += StripeLength)
            {
                v1 = Round(v1, Lane(ref start, i));
                v2 = Round(v2, Lane(ref start, i + 4));
                v3 = Round(v3, Lane(ref start, i + 8));
                v4 = Round(v4, Lane(ref start, i + 12));
            }

            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            data = data[whole..];
        }
        else
        {
            h = unchecked(seed + Prime5);
        }

        h = unchecked(h + (uint)length);
        return Finish(h, data);
    }

    private void ConsumeStripes(ReadOnlySpan<byte> stripes)
    {
        var v1 = _v1;
        var v2 = _v2;
        var v3 = _v3;
        var v4 = _v4;
        ref var start = ref MemoryMarshal.GetReference(stripes);
        for (nint i = 0; i < stripes.Length; i += StripeLength)
        {
            v1 = Round(v1, Lane(ref start, i));
            v2 = Round(v2, Lane(ref start, i + 4));
            v3 = Round(v3, Lane(ref start, i + 8));
            v4 = Round(v4, Lane(ref start, i + 12));
        }

        _v1 = v1;
        _v2 = v2;
        _v3 = v3;
        _v4 = v4;
    }

    // Callers pass offsets inside whole 16-byte stripes of the span, so the unchecked read stays in bounds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lane(ref byte start, nint offset)
    {
        var lane = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? lane : BinaryPrimitives.ReverseEndianness(lane);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Round(uint accumulator, uint lane) =>
        unchecked(BitOperations.RotateLeft(accumulator + (lane * Prime2), 13) * Prime1);

    private static uint Finish(uint h, ReadOnlySpan<byte> tail)
    {
        unchecked
        {
            var i = 0;
            for (; i + 4 <= tail.Length; i += 4)
            {
                h = BitOperations.RotateLeft(h + (BinaryPrimitives.ReadUInt32LittleEndian(tail[i..]) * Prime3), 17) * Prime4;
            }

            for (; i < tail.Length; i++)
            {
                h = BitOperations.RotateLeft(h + (tail[i] * Prime5), 11) * Prime1;
            }

            h ^= h >> 15;
            h *= Prime2;
            h ^= h >> 13;
            h *= Prime3;
            h ^= h >> 16;
            return h;
        }
    }
}
