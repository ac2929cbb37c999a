using System.Text;
using NexusZero.Consensus.Http;

namespace NexusZero.Consensus.Tests.Http;

/// <summary>Cross-site requests: only application/json reaches the validator.</summary>
public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON;charset=UTF-8", true)]
    [InlineData(" application/json ", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("text/plain", false)]
    [InlineData("text/plain; charset=utf-8", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("application/jsonp", false)]
    [InlineData("application/json-patch+json", false)]
    [InlineData("text/json", false)]
    public void IsJsonContentType(string? contentType, bool expected) =>
        Assert.Equal(expected, ValidatorHttpHandler.IsJsonContentType(contentType));

    [Fact]
    public void UnsupportedMediaType_Is415WithAMessage()
    {
        var reply = ValidatorHttpHandler.UnsupportedMediaType("text/plain");
        Assert.Equal(415, reply.StatusCode);
        Assert.Contains("application/json", Encoding.UTF8.GetString(reply.Body.Span), StringComparison.Ordinal);
        Assert.Contains("missing", Encoding.UTF8.GetString(ValidatorHttpHandler.UnsupportedMediaType(null).Body.Span), StringComparison.Ordinal);
    }
}
