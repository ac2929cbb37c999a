using NexusZero.Service;
using NexusZero.Service.Caching;

namespace NexusZero.Service.Tests;

public sealed class ReceiptCacheKeyTests
{
    private static readonly byte[] Model = [1, 2, 3];
    private static readonly byte[] Input = [4, 5, 6];

    [Fact]
    public void Same_request_same_key()
    {
        Assert.Equal(new ReceiptCacheKey(Model, Input, InferenceLevel.Proof, 7), new ReceiptCacheKey(Model, Input, InferenceLevel.Proof, 7));
    }

    [Fact]
    public void Each_field_changes_the_key()
    {
        var key = new ReceiptCacheKey(Model, Input, InferenceLevel.Proof, 7);
        Assert.NotEqual(key, new ReceiptCacheKey([1, 2, 4], Input, InferenceLevel.Proof, 7));
        Assert.NotEqual(key, new ReceiptCacheKey(Model, [4, 5, 7], InferenceLevel.Proof, 7));
        Assert.NotEqual(key, new ReceiptCacheKey(Model, Input, InferenceLevel.Consensus, 7));
        Assert.NotEqual(key, new ReceiptCacheKey(Model, Input, InferenceLevel.Proof, 8));
    }

    [Fact]
    public void Field_boundaries_are_unambiguous()
    {
        // Moving a byte from the commitment to the input must not collide.
        Assert.NotEqual(new ReceiptCacheKey([1, 2], [3, 4], InferenceLevel.Proof, 0), new ReceiptCacheKey([1], [2, 3, 4], InferenceLevel.Proof, 0));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReceiptCacheKey([], Input, InferenceLevel.Proof, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiptCacheKey(Model, Input, (InferenceLevel)9, 0));
    }
}
