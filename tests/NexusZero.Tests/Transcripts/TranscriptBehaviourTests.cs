using System.Reflection;
using NexusZero.Transcripts;

namespace NexusZero.Tests.Transcripts;

public sealed class TranscriptBehaviourTests
{
    [Fact]
    public void Different_protocol_labels_give_different_challenges()
    {
        Assert.NotEqual(Run("proto A", "l", "m"), Run("proto B", "l", "m"));
    }

    [Fact]
    public void Different_message_labels_give_different_challenges()
    {
        Assert.NotEqual(Run("p", "label 1", "m"), Run("p", "label 2", "m"));
    }

    [Fact]
    public void Different_messages_give_different_challenges()
    {
        Assert.NotEqual(Run("p", "l", "message 1"), Run("p", "l", "message 2"));
    }

    [Fact]
    public void Same_inputs_give_the_same_challenge()
    {
        Assert.Equal(Run("p", "l", "m"), Run("p", "l", "m"));
    }

    [Fact]
    public void Moving_bytes_between_label_and_message_changes_the_challenge()
    {
        Assert.NotEqual(Run("p", "ab", "c"), Run("p", "a", "bc"));
    }

    [Fact]
    public void Challenge_label_and_length_are_bound()
    {
        using var a = new Transcript("p"u8);
        using var b = a.Clone();
        using var c = a.Clone();
        var ca = new byte[32];
        var cb = new byte[32];
        var cc = new byte[64];
        a.ChallengeBytes("x"u8, ca);
        b.ChallengeBytes("y"u8, cb);
        c.ChallengeBytes("x"u8, cc);

        Assert.NotEqual(ca, cb);
        Assert.NotEqual(ca, cc[..32]);
    }

    [Fact]
    public void Successive_challenges_differ()
    {
        using var t = new Transcript("p"u8);
        var first = new byte[32];
        var second = new byte[32];
        t.ChallengeBytes("c"u8, first);
        t.ChallengeBytes("c"u8, second);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Clones_evolve_independently()
    {
        using var original = new Transcript("p"u8);
        original.AppendMessage("l"u8, "shared"u8);
        using var clone = original.Clone();

        clone.AppendMessage("l"u8, "only in the clone"u8);
        var fromOriginal = new byte[32];
        original.ChallengeBytes("c"u8, fromOriginal);

        using var reference = new Transcript("p"u8);
        reference.AppendMessage("l"u8, "shared"u8);
        var fromReference = new byte[32];
        reference.ChallengeBytes("c"u8, fromReference);

        var fromClone = new byte[32];
        clone.ChallengeBytes("c"u8, fromClone);

        Assert.Equal(fromReference, fromOriginal);
        Assert.NotEqual(fromReference, fromClone);
    }

    [Fact]
    public void Disposed_transcript_refuses_use_and_its_state_is_zero()
    {
        var transcript = new Transcript("p"u8);
        transcript.AppendMessage("l"u8, "m"u8);
        transcript.Dispose();

        Assert.Throws<ObjectDisposedException>(() => transcript.AppendMessage("l"u8, "m"u8));
        Assert.Throws<ObjectDisposedException>(() => transcript.ChallengeBytes("c"u8, new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => transcript.Clone());
        Assert.All(StrobeState(transcript), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Strobe_continuation_with_other_flags_is_refused()
    {
        using var strobe = new Strobe128("p"u8);
        strobe.MetaAd("label"u8, more: false);
        Assert.Throws<InvalidOperationException>(() => strobe.Ad("x"u8, more: true));
    }

    internal static byte[] StrobeState(Transcript transcript)
    {
        var strobe = (Strobe128)typeof(Transcript).GetField("_strobe", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(transcript)!;
        return StrobeState(strobe);
    }

    internal static byte[] StrobeState(Strobe128 strobe) =>
        (byte[])typeof(Strobe128).GetField("_state", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(strobe)!;

    private static byte[] Run(string protocol, string label, string message)
    {
        using var t = new Transcript(System.Text.Encoding.UTF8.GetBytes(protocol));
        t.AppendMessage(System.Text.Encoding.UTF8.GetBytes(label), System.Text.Encoding.UTF8.GetBytes(message));
        var challenge = new byte[32];
        t.ChallengeBytes("challenge"u8, challenge);
        return challenge;
    }
}
