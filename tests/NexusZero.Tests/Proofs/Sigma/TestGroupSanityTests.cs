namespace NexusZero.Tests.Proofs.Sigma;

public sealed class TestGroupSanityTests
{
    private static readonly InsecureTestGroup G = InsecureTestGroup.Instance;

    [Fact]
    public void Generator_has_order_q_and_encodings_round_trip()
    {
        using var minusOne = G.ScalarOne.Negate();
        Assert.Equal(G.Generator.Negate(), G.Generator.Multiply(minusOne));
        Assert.True(G.Generator.Add(G.Generator.Negate()).IsIdentity);

        using var x = G.RandomScalar();
        var e = G.MultiplyBase(x);
        Assert.True(G.TryDecodeElement(e.ToBytes(), out var back));
        Assert.Equal(e, back);
        Assert.True(G.TryDecodeScalar(x.ToBytes(), out var xs));
        Assert.Equal(x, xs);
    }

    [Fact]
    public void Non_members_and_out_of_range_values_are_rejected()
    {
        Assert.False(G.TryDecodeElement(InsecureTestGroup.Encode(InsecureTestGroup.P - 1), out _));
        Assert.False(G.TryDecodeElement(InsecureTestGroup.Encode(InsecureTestGroup.P), out _));
        Assert.False(G.TryDecodeScalar(InsecureTestGroup.Encode(InsecureTestGroup.Q), out _));
    }
}
