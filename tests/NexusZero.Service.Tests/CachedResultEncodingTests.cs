using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.Service.Caching;
using NexusZero.Service.Results;

namespace NexusZero.Service.Tests;

[Collection(ServiceTestsDefinition.Name)]
public sealed class CachedResultEncodingTests(ServiceFixture fixture)
{
    private static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private (byte[] Bytes, ReceiptCacheKey Key) Encoded()
    {
        var model = fixture.Model;
        var trace = model.Model.Evaluate(model.Model.QuantizeInput(fixture.Instances[0]));
        var subject = new InferenceSubject(model.Commitment.Span, new InferenceClaim([.. trace.Input], [.. trace.Output], trace.ArgMax));
        var explanation = new ReceiptExplanation("kernel-shap", 0, 0.5, ["a", "b"], [0.25, -0.5], new Dictionary<string, double> { ["efficiency"] = 1, ["b"] = 0.5 });
        var key = new ReceiptCacheKey(model.Commitment.Span, [1, 2, 3], InferenceLevel.Explanation, 4);
        return (CachedResultEncoding.Encode(new InferenceResult(InferenceLevel.Explanation, subject, explanation, null, null), key, Secret), key);
    }

    [Fact]
    public void Round_trips_and_the_tag_covers_the_key()
    {
        var (bytes, key) = Encoded();
        var parsed = CachedResultEncoding.Parse(bytes);
        Assert.Equal(InferenceLevel.Explanation, parsed.Result.Level);
        Assert.Equal([0.25, -0.5], parsed.Result.Explanation!.Values);
        Assert.Equal(CachedResultEncoding.Tag(Secret, key, parsed.TaggedBody), parsed.Tag);
        var other = new ReceiptCacheKey(fixture.Model.Commitment.Span, [1, 2, 3], InferenceLevel.Explanation, 5);
        Assert.NotEqual(CachedResultEncoding.Tag(Secret, other, parsed.TaggedBody), parsed.Tag);
    }

    [Fact]
    public void Every_truncation_and_an_extra_byte_are_refused()
    {
        var (bytes, _) = Encoded();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<FormatException>(() => CachedResultEncoding.Parse(bytes.AsSpan(0, length)));
        }

        Assert.Throws<FormatException>(() => CachedResultEncoding.Parse([.. bytes, 0]));
    }

    [Fact]
    public void Oversized_lengths_are_refused_before_allocating()
    {
        var (bytes, _) = Encoded();
        var huge = (byte[])bytes.Clone();
        huge[6] = 0x7F; // the subject's u32 length: ~2 GiB
        var ex = Assert.Throws<FormatException>(() => CachedResultEncoding.Parse(huge));
        Assert.Contains("subject", ex.Message, StringComparison.Ordinal);
    }
}
