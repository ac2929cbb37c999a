using System.Buffers.Binary;

namespace NexusZero.Transcripts;

/// <summary>
/// A pseudorandom generator bound to a transcript, the witness and fresh randomness (Merlin's
/// TranscriptRng). Use it for prover nonces. Not thread-safe; disposal zeroes the state.
/// </summary>
public sealed class TranscriptRng : IDisposable
{
    private readonly Strobe128 _strobe;

    internal TranscriptRng(Strobe128 strobe)
    {
        _strobe = strobe;
    }

    /// <summary>Fills <paramref name="destination"/> with pseudorandom bytes.</summary>
    /// <exception cref="ObjectDisposedException">The RNG was disposed.</exception>
    public void Fill(Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)destination.Length);
        _strobe.MetaAd(length, more: false);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>Zeroes the state.</summary>
    public void Dispose() => _strobe.Dispose();
}
