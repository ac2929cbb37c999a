using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NexusZero.Transcripts;

/// <summary>
/// Builds a <see cref="TranscriptRng"/> as Merlin's TranscriptRngBuilder does: a fork of the transcript
/// is rekeyed with each piece of witness material, then with 32 bytes from a CSPRNG. Nonces drawn
/// from the result are unpredictable if either the witness or the CSPRNG is, and differ for
/// different statements even if the CSPRNG fails.
/// </summary>
/// <remarks>Single use: <see cref="Finalize(RandomNumberGenerator?)"/> hands the state to the RNG.</remarks>
public sealed class TranscriptRngBuilder : IDisposable
{
    private Strobe128? _strobe;

    internal TranscriptRngBuilder(Strobe128 strobe)
    {
        _strobe = strobe;
    }

    /// <summary>Rekeys the RNG state with secret <paramref name="witness"/> bytes under <paramref name="label"/>.</summary>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ObjectDisposedException">The builder was finalized or disposed.</exception>
    public TranscriptRngBuilder RekeyWithWitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness)
    {
        var strobe = State;
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)witness.Length);
        strobe.MetaAd(label, more: false);
        strobe.MetaAd(length, more: true);
        strobe.Key(witness, more: false);
        return this;
    }

    /// <summary>
    /// Rekeys with 32 bytes from <paramref name="rng"/> (the operating system's CSPRNG when null) and
    /// returns the RNG. The builder cannot be used afterwards.
    /// </summary>
    /// <param name="rng">The randomness source; tests inject a deterministic one, production code passes null.</param>
    /// <exception cref="ObjectDisposedException">The builder was finalized or disposed.</exception>
    public TranscriptRng Finalize(RandomNumberGenerator? rng = null)
    {
        var strobe = State;
        Span<byte> random = stackalloc byte[32];
        try
        {
            if (rng is null)
            {
                RandomNumberGenerator.Fill(random);
            }
            else
            {
                rng.GetBytes(random);
            }

            strobe.MetaAd("rng"u8, more: false);
            strobe.Key(random, more: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(random);
        }

        _strobe = null;
        return new TranscriptRng(strobe);
    }

    /// <summary>Zeroes the state unless it was handed to an RNG.</summary>
    public void Dispose()
    {
        _strobe?.Dispose();
        _strobe = null;
    }

    private Strobe128 State => _strobe ?? throw new ObjectDisposedException(nameof(TranscriptRngBuilder), "The builder was already finalized or disposed.");
}
