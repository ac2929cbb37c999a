using NexusZero.Transcripts;

namespace NexusZero.Tests.Transcripts;

public sealed class MerlinConformanceTests
{
    [Fact]
    public void Reproduces_Merlins_published_conformance_vector()
    {
        // merlin.cool / dalek-cryptography/merlin, test "equivalence_simple".
        using var transcript = new Transcript("test protocol"u8);
        transcript.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        transcript.ChallengeBytes("challenge"u8, challenge);

        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Reproduces_the_complex_transcript_vector_of_the_Go_implementation()
    {
        // gtank/merlin (an independent Go implementation), TestComplexTranscript: 1 KiB messages and
        // repeated challenges exercise STROBE block boundaries in every operation.
        using var transcript = new Transcript("test protocol"u8);
        transcript.AppendMessage("step1"u8, "some data"u8);
        var data = new byte[1024];
        Array.Fill(data, (byte)99);
        var challenge = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            transcript.ChallengeBytes("challenge"u8, challenge);
            transcript.AppendMessage("bigdata"u8, data);
            transcript.AppendMessage("challengedata"u8, challenge);
        }

        Assert.Equal("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void AppendUInt64_is_a_message_of_eight_little_endian_bytes()
    {
        using var viaUInt64 = new Transcript("test protocol"u8);
        using var viaMessage = new Transcript("test protocol"u8);
        viaUInt64.AppendUInt64("n"u8, 0x0102030405060708);
        viaMessage.AppendMessage("n"u8, [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]);

        Assert.Equal(Challenge(viaMessage), Challenge(viaUInt64));
    }

    [Fact]
    public void Long_messages_and_challenges_cross_block_boundaries_consistently()
    {
        // 1 KiB messages and a 500-byte challenge force several STROBE permutations mid-operation.
        var message = new byte[1024];
        for (var i = 0; i < message.Length; i++)
        {
            message[i] = (byte)i;
        }

        using var a = new Transcript("test protocol"u8);
        using var b = new Transcript("test protocol"u8);
        a.AppendMessage("big"u8, message);
        b.AppendMessage("big"u8, message);
        var ca = new byte[500];
        var cb = new byte[500];
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);

        Assert.Equal(ca, cb);
        Assert.NotEqual(new byte[500], ca);
    }

    private static byte[] Challenge(Transcript transcript)
    {
        var challenge = new byte[32];
        transcript.ChallengeBytes("challenge"u8, challenge);
        return challenge;
    }
}
