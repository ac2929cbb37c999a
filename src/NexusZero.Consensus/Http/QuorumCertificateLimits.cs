using NexusZero.Consensus.Certificates;

namespace NexusZero.Consensus.Http;

/// <summary>Size limits the HTTP layer applies, derived from the certificate and content limits.</summary>
internal static class QuorumCertificateLimits
{
    public const int MaxSignatureBytes = QuorumCertificate.MaxSignatureBytes;

    /// <summary>A vote reply: at most 256 votes of a few KiB each.</summary>
    public const int MaxVoteReplyBytes = 1024 * 1024;

    /// <summary>A commit reply: one id and one signature.</summary>
    public const int MaxCommitReplyBytes = 64 * 1024;
}
