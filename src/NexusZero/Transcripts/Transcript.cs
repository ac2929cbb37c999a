using System.Buffers.Binary;

namespace NexusZero.Transcripts;

/// <summary>
/// A Merlin v1.0 transcript (STROBE-128 over Keccak-f[1600]) for the Fiat–Shamir transform: the
/// prover and the verifier append the same labelled public messages in the same order and draw
/// identical challenges from it. Byte-for-byte compatible with Merlin (merlin.cool).
/// </summary>
/// <remarks>
/// Mutable and not thread-safe: use one instance per proof, <see cref="Clone"/> to fork it. Disposal
/// zeroes the internal state. The framing of each operation is documented in docs/formats.md.
/// </remarks>
public sealed class Transcript : IDisposable
{
    private readonly Strobe128 _strobe;

    /// <summary>Starts a transcript for the protocol named by <paramref name="label"/>.</summary>
    /// <param name="label">The application's domain separator, e.g. <c>"NexusZero"u8</c>.</param>
    public Transcript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    private Transcript(Strobe128 strobe)
    {
        _strobe = strobe;
    }

    /// <summary>Appends <paramref name="message"/> under <paramref name="label"/>.</summary>
    /// <exception cref="ObjectDisposedException">The transcript was disposed.</exception>
    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)message.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    /// <summary>Appends <paramref name="value"/> as 8 little-endian bytes under <paramref name="label"/>.</summary>
    /// <exception cref="ObjectDisposedException">The transcript was disposed.</exception>
    public void AppendUInt64(ReadOnlySpan<byte> label, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        AppendMessage(label, bytes);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with challenge bytes bound to everything appended so far
    /// and to <paramref name="label"/> and the requested length.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The transcript was disposed.</exception>
    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)destination.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>
    /// Starts a transcript-bound RNG for prover nonces: a fork of this transcript, to be rekeyed with the
    /// witness and then with fresh randomness. This transcript is not changed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The transcript was disposed.</exception>
    public TranscriptRngBuilder BuildRng() => new(_strobe.Clone());

    /// <summary>An independent copy of this transcript in its current state.</summary>
    /// <exception cref="ObjectDisposedException">The transcript was disposed.</exception>
    public Transcript Clone() => new(_strobe.Clone());

    /// <summary>Zeroes the internal state; the transcript cannot be used afterwards.</summary>
    public void Dispose() => _strobe.Dispose();
}
