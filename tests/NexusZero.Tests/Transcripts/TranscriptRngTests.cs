using System.Reflection;
using NexusZero.Transcripts;

namespace NexusZero.Tests.Transcripts;

public sealed class TranscriptRngTests
{
    [Fact]
    public void Output_is_deterministic_for_a_fixed_source_and_uses_it_once()
    {
        var source = new FixedRandomNumberGenerator(0x42);
        Assert.Equal(Draw("p", "witness", source), Draw("p", "witness", new FixedRandomNumberGenerator(0x42)));
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public void Output_depends_on_the_witness()
    {
        Assert.NotEqual(Draw("p", "witness 1", new FixedRandomNumberGenerator(1)), Draw("p", "witness 2", new FixedRandomNumberGenerator(1)));
    }

    [Fact]
    public void Output_depends_on_the_transcript()
    {
        Assert.NotEqual(Draw("p1", "w", new FixedRandomNumberGenerator(1)), Draw("p2", "w", new FixedRandomNumberGenerator(1)));
    }

    [Fact]
    public void Output_depends_on_the_random_source()
    {
        Assert.NotEqual(Draw("p", "w", new FixedRandomNumberGenerator(1)), Draw("p", "w", new FixedRandomNumberGenerator(2)));
    }

    [Fact]
    public void Default_source_gives_fresh_output_each_time()
    {
        Assert.NotEqual(Draw("p", "w", null), Draw("p", "w", null));
    }

    [Fact]
    public void Building_an_rng_leaves_the_transcript_unchanged()
    {
        using var t = new Transcript("p"u8);
        using var reference = t.Clone();
        using (var rng = t.BuildRng().RekeyWithWitnessBytes("w"u8, "secret"u8).Finalize())
        {
            rng.Fill(new byte[32]);
        }

        var a = new byte[32];
        var b = new byte[32];
        t.ChallengeBytes("c"u8, a);
        reference.ChallengeBytes("c"u8, b);
        Assert.Equal(b, a);
    }

    [Fact]
    public void Successive_fills_differ()
    {
        using var t = new Transcript("p"u8);
        using var rng = t.BuildRng().RekeyWithWitnessBytes("w"u8, "secret"u8).Finalize(new FixedRandomNumberGenerator(0));
        var a = new byte[32];
        var b = new byte[32];
        rng.Fill(a);
        rng.Fill(b);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Finalized_builder_cannot_be_reused()
    {
        using var t = new Transcript("p"u8);
        var builder = t.BuildRng();
        using var rng = builder.Finalize();
        Assert.Throws<ObjectDisposedException>(() => builder.RekeyWithWitnessBytes("w"u8, "x"u8));
        Assert.Throws<ObjectDisposedException>(() => builder.Finalize());
    }

    [Fact]
    public void Disposed_rng_is_zeroed_and_refuses_use()
    {
        using var t = new Transcript("p"u8);
        var rng = t.BuildRng().RekeyWithWitnessBytes("w"u8, "secret"u8).Finalize();
        rng.Dispose();

        var strobe = (Strobe128)typeof(TranscriptRng).GetField("_strobe", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(rng)!;
        Assert.All(TranscriptBehaviourTests.StrobeState(strobe), b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => rng.Fill(new byte[8]));
    }

    private static byte[] Draw(string protocol, string witness, System.Security.Cryptography.RandomNumberGenerator? source)
    {
        using var t = new Transcript(System.Text.Encoding.UTF8.GetBytes(protocol));
        t.AppendMessage("statement"u8, "X"u8);
        using var rng = t.BuildRng().RekeyWithWitnessBytes("witness"u8, System.Text.Encoding.UTF8.GetBytes(witness)).Finalize(source);
        var output = new byte[64];
        rng.Fill(output);
        return output;
    }
}
