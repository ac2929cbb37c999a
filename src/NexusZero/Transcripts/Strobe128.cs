using System.Security.Cryptography;
using NexusZero.Hashing;

namespace NexusZero.Transcripts;

/// <summary>
/// The subset of STROBE v1.0.2 at 128-bit security that Merlin uses: meta-AD, AD, PRF and KEY, each
/// with STROBE's exact flag semantics and its "more" continuation. The duplex rate is
/// 200 − 2·(128/8) − 2 = 166 bytes. Instances are mutable and not thread-safe; <see cref="Clone"/>
/// forks the state. Disposal zeroes the state, which may be keyed with witness bytes.
/// </summary>
internal sealed class Strobe128 : IDisposable
{
    /// <summary>STROBE's R: bytes absorbed per permutation, leaving two bytes for padding.</summary>
    internal const int Rate = 166;

    private const byte FlagI = 1;
    private const byte FlagA = 1 << 1;
    private const byte FlagC = 1 << 2;
    private const byte FlagT = 1 << 3;
    private const byte FlagM = 1 << 4;
    private const byte FlagK = 1 << 5;

    private readonly byte[] _state;
    private int _position;
    private int _positionBegin;
    private byte _currentFlags;
    private bool _disposed;

    /// <summary>Initializes STROBE-128 and absorbs <paramref name="protocolLabel"/> as meta-AD.</summary>
    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        _state = new byte[KeccakF1600.StateBytes];

        // STROBE's initial block: [1, R + 2, 1, 0, 1, 12·8] ‖ "STROBEv1.0.2", then one permutation.
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96];
        header.CopyTo(_state);
        "STROBEv1.0.2"u8.CopyTo(_state.AsSpan(header.Length));
        KeccakF1600.Permute(_state);

        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        _state = (byte[])other._state.Clone();
        _position = other._position;
        _positionBegin = other._positionBegin;
        _currentFlags = other._currentFlags;
    }

    /// <summary>An independent copy of the current state.</summary>
    public Strobe128 Clone()
    {
        ThrowIfDisposed();
        return new Strobe128(this);
    }

    /// <summary>Absorbs framing metadata (flags M|A).</summary>
    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagM | FlagA, more);
        Absorb(data);
    }

    /// <summary>Absorbs associated data (flag A).</summary>
    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA, more);
        Absorb(data);
    }

    /// <summary>Squeezes pseudorandom output (flags I|A|C), zeroing the state bytes it reads.</summary>
    public void Prf(Span<byte> destination, bool more)
    {
        BeginOperation(FlagI | FlagA | FlagC, more);
        Squeeze(destination);
    }

    /// <summary>Rekeys (flags A|C): overwrites the state with <paramref name="key"/>.</summary>
    public void Key(ReadOnlySpan<byte> key, bool more)
    {
        BeginOperation(FlagA | FlagC, more);
        Overwrite(key);
    }

    /// <summary>Zeroes the state.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(_state);
        _position = 0;
        _positionBegin = 0;
        _currentFlags = 0;
        _disposed = true;
    }

    private void BeginOperation(byte flags, bool more)
    {
        ThrowIfDisposed();
        if (more)
        {
            // A continuation must repeat the flags of the operation it continues.
            if (flags != _currentFlags)
            {
                throw new InvalidOperationException($"STROBE continuation with flags 0x{flags:x2} after an operation with flags 0x{_currentFlags:x2}.");
            }

            return;
        }

        // Merlin never uses transport operations; STROBE would need a side for them.
        if ((flags & FlagT) != 0)
        {
            throw new InvalidOperationException("Transport operations are not supported.");
        }

        var oldBegin = (byte)_positionBegin;
        _positionBegin = _position + 1;
        _currentFlags = flags;
        Absorb([oldBegin, flags]);

        // Cipher and key operations start on a fresh block so their output depends on everything before.
        if ((flags & (FlagC | FlagK)) != 0 && _position != 0)
        {
            RunF();
        }
    }

    private void RunF()
    {
        _state[_position] ^= (byte)_positionBegin;
        _state[_position + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_state);
        _position = 0;
        _positionBegin = 0;
    }

    // The three loops below work a run of bytes up to the end of the block at a time instead of one
    // byte per call: the same state updates and the same permutation points as byte-by-byte processing.
    private void Absorb(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var block = _state.AsSpan(_position, Math.Min(Rate - _position, data.Length));
            for (var i = 0; i < block.Length; i++)
            {
                block[i] ^= data[i];
            }

            data = data[block.Length..];
            Advance(block.Length);
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var block = _state.AsSpan(_position, Math.Min(Rate - _position, data.Length));
            data[..block.Length].CopyTo(block);
            data = data[block.Length..];
            Advance(block.Length);
        }
    }

    private void Squeeze(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var block = _state.AsSpan(_position, Math.Min(Rate - _position, destination.Length));
            block.CopyTo(destination);
            block.Clear();
            destination = destination[block.Length..];
            Advance(block.Length);
        }
    }

    private void Advance(int count)
    {
        _position += count;
        if (_position == Rate)
        {
            RunF();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
