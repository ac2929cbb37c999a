using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Certificates;

public sealed class CertificateEncodingTests : IDisposable
{
    private readonly Cluster _cluster = new(4);
    private readonly byte[] _bytes;

    public CertificateEncodingTests()
    {
        var client = new InProcessConsensusClient(_cluster.Set, _cluster.Validators);
        _bytes = client.ProposeAsync(Cluster.Content()).GetAwaiter().GetResult().Certificate!.ToBytes();
    }

    [Fact]
    public void RoundTrip_IsByteIdentical()
    {
        Assert.Equal(_bytes, QuorumCertificate.Parse(_bytes).ToBytes());
    }

    [Fact]
    public void Layout_MatchesTheDocumentedHeader()
    {
        Assert.Equal("NZQC"u8.ToArray(), _bytes[..4]);
        Assert.Equal(1, _bytes[4]);
        Assert.Equal(1, _bytes[5]);
        Assert.Equal(_cluster.Set.SetId.ToArray(), _bytes[6..38]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 }, _bytes[38..46]);
        Assert.Equal((byte)"model-a".Length, _bytes[46]);
    }

    [Fact]
    public void EveryTruncation_IsMalformed()
    {
        for (var length = 0; length < _bytes.Length; length++)
        {
            Assert.False(QuorumCertificate.TryParse(_bytes.AsSpan(0, length), out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void TrailingBytes_AreMalformed()
    {
        var extended = _bytes.Append((byte)0).ToArray();
        var ex = Assert.Throws<FormatException>(() => QuorumCertificate.Parse(extended));
        Assert.Contains("trailing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0x00, "magic")]
    [InlineData(4, 0x02, "version")]
    [InlineData(5, 0x09, "scheme")]
    public void HeaderFields_AreChecked(int offset, byte value, string field)
    {
        var bad = (byte[])_bytes.Clone();
        bad[offset] = value;
        var ex = Assert.Throws<FormatException>(() => QuorumCertificate.Parse(bad));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeCounts_FailBeforeAllocating()
    {
        // Vote count 0xFFFF right after the header: rejected by the count limit, not by running out of input.
        var offset = 46 + 1 + "model-a".Length + 96 + 1 + 4;
        var bad = (byte[])_bytes.Clone();
        bad[offset] = 0xFF;
        bad[offset + 1] = 0xFF;
        var ex = Assert.Throws<FormatException>(() => QuorumCertificate.Parse(bad));
        Assert.Contains("vote count", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => QuorumCertificate.Parse(new byte[QuorumCertificate.MaxEncodedBytes + 1]));
    }

    [Fact]
    public void UnsortedVotes_AreMalformed()
    {
        var certificate = QuorumCertificate.Parse(_bytes);
        var swapped = new QuorumCertificate(certificate.Scheme, certificate.SetId, certificate.Subject, certificate.Round, certificate.Verdict,
            certificate.AggregateScore, certificate.Votes.Reverse(), certificate.CommitSignatures);
        var ex = Assert.Throws<FormatException>(() => QuorumCertificate.Parse(swapped.ToBytes()));
        Assert.Contains("ascending", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _cluster.Dispose();
}
