using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NexusZero.Hashing;

namespace NexusZero.Lattices;

/// <summary>
/// SHAKE128 / SHAKE256 (FIPS 202) as an incremental extendable-output function: absorb any number of
/// times, then squeeze any number of times. The sponge state may hold secrets (ML-DSA seeds), so
/// <see cref="Dispose"/> and <see cref="Reset"/> zero it.
/// </summary>
/// <remarks>Lanes are read as little-endian bytes, which every platform .NET 10 runs on is.</remarks>
internal sealed class Shake : IDisposable
{
    private const byte DomainPadding = 0x1F;
    private readonly ulong[] _state = new ulong[25];
    private readonly int _rate;
    private int _position;
    private bool _squeezing;

    private Shake(int rate) => _rate = rate;

    /// <summary>SHAKE128 rate in bytes.</summary>
    public const int Shake128Rate = 168;

    /// <summary>SHAKE256 rate in bytes.</summary>
    public const int Shake256Rate = 136;

    /// <summary>A fresh SHAKE128 instance.</summary>
    public static Shake Create128() => new(Shake128Rate);

    /// <summary>A fresh SHAKE256 instance.</summary>
    public static Shake Create256() => new(Shake256Rate);

    /// <summary>Computes SHAKE256(<paramref name="input"/>) into <paramref name="output"/>.</summary>
    public static void HashShake256(ReadOnlySpan<byte> input, Span<byte> output)
    {
        using var shake = Create256();
        shake.Absorb(input);
        shake.Squeeze(output);
    }

    /// <summary>Zeroes the state and returns to absorbing.</summary>
    public void Reset()
    {
        Array.Clear(_state);
        _position = 0;
        _squeezing = false;
    }

    /// <summary>Absorbs <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">Output was already squeezed.</exception>
    public void Absorb(ReadOnlySpan<byte> data)
    {
        if (_squeezing)
        {
            throw new InvalidOperationException("SHAKE cannot absorb after squeezing; call Reset first.");
        }

        Span<byte> state = MemoryMarshal.AsBytes(_state.AsSpan());
        while (!data.IsEmpty)
        {
            int take = Math.Min(_rate - _position, data.Length);
            Span<byte> lane = state.Slice(_position, take);
            for (int i = 0; i < take; i++)
            {
                lane[i] ^= data[i];
            }

            _position += take;
            data = data[take..];
            if (_position == _rate)
            {
                KeccakF1600.Permute(_state);
                _position = 0;
            }
        }
    }

    /// <summary>Squeezes <paramref name="output"/>.Length bytes, continuing where the last call stopped.</summary>
    public void Squeeze(Span<byte> output)
    {
        Span<byte> state = MemoryMarshal.AsBytes(_state.AsSpan());
        if (!_squeezing)
        {
            state[_position] ^= DomainPadding;
            state[_rate - 1] ^= 0x80;
            KeccakF1600.Permute(_state);
            _position = 0;
            _squeezing = true;
        }

        while (!output.IsEmpty)
        {
            if (_position == _rate)
            {
                KeccakF1600.Permute(_state);
                _position = 0;
            }

            int take = Math.Min(_rate - _position, output.Length);
            state.Slice(_position, take).CopyTo(output);
            _position += take;
            output = output[take..];
        }
    }

    /// <summary>Zeroes the sponge state.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_state.AsSpan()));
}
