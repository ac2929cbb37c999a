using System.Security.Cryptography;

namespace NexusZero.Tests.Transcripts;

/// <summary>TEST ONLY: a "random" source that repeats one byte, so transcript RNG output is reproducible.</summary>
internal sealed class FixedRandomNumberGenerator(byte value) : RandomNumberGenerator
{
    public int Calls { get; private set; }

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        Calls++;
        data.Fill(value);
    }
}
