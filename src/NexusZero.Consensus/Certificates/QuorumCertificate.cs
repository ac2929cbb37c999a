using System.Security.Cryptography;
using NexusZero.Consensus.Canonical;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Certificates;

/// <summary>
/// A quorum certificate: the proposal (set id, subject, round), the signed votes of at least a quorum, the
/// aggregate score (weighted lower median of the included votes), the verdict (backed by a quorum of votes
/// with that verdict) and the commit countersignatures. Check one with <see cref="CertificateVerifier.Verify"/>;
/// the binary encoding is canonical and documented byte by byte in docs/formats.md.
/// </summary>
public sealed class QuorumCertificate
{
    /// <summary>The encoding's format version.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The most votes or commit signatures in one certificate.</summary>
    public const int MaxEntries = 256;

    /// <summary>The longest signature the encoding accepts.</summary>
    public const int MaxSignatureBytes = 8192;

    /// <summary>The largest encoded certificate the parser accepts.</summary>
    public const int MaxEncodedBytes = 8 * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "NZQC"u8;

    private readonly byte[] _setId;
    private readonly byte[] _digest;
    private readonly SignedVote[] _votes;
    private readonly CommitSignature[] _commits;

    /// <summary>Assembles a certificate (not checked here; see <see cref="CertificateVerifier.Verify"/>).</summary>
    /// <param name="scheme">The validator set's signature scheme.</param>
    /// <param name="setId">The 32-byte validator-set id.</param>
    /// <param name="subject">The judged subject.</param>
    /// <param name="round">The round.</param>
    /// <param name="verdict">The certified verdict.</param>
    /// <param name="aggregateScore">The certified score.</param>
    /// <param name="votes">The included votes, in ascending validator-id order for a canonical encoding.</param>
    /// <param name="commitSignatures">The countersignatures, in ascending validator-id order.</param>
    /// <exception cref="ArgumentException">A vote is for another proposal digest or round, or a count exceeds 256.</exception>
    public QuorumCertificate(
        SignatureSchemeId scheme,
        ReadOnlySpan<byte> setId,
        ProposalSubject subject,
        ulong round,
        Verdict verdict,
        Score aggregateScore,
        IEnumerable<SignedVote> votes,
        IEnumerable<CommitSignature> commitSignatures)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(commitSignatures);
        if (setId.Length != ProposalSubject.DigestSize)
        {
            throw new ArgumentException("A validator-set id is 32 bytes.", nameof(setId));
        }

        _setId = setId.ToArray();
        _digest = Proposal.ComputeDigest(setId, subject);
        _votes = votes.ToArray();
        _commits = commitSignatures.ToArray();
        if (_votes.Length > MaxEntries || _commits.Length > MaxEntries)
        {
            throw new ArgumentException($"A certificate holds at most {MaxEntries} votes and {MaxEntries} commit signatures.", nameof(votes));
        }

        foreach (var vote in _votes)
        {
            if (vote.Vote.Round != round || !vote.Vote.ProposalDigest.SequenceEqual(_digest))
            {
                throw new ArgumentException($"The vote of '{vote.Vote.ValidatorId}' is for another proposal or round.", nameof(votes));
            }
        }

        Scheme = scheme;
        Subject = subject;
        Round = round;
        Verdict = verdict;
        AggregateScore = aggregateScore;
    }

    /// <summary>The validator set's signature scheme.</summary>
    public SignatureSchemeId Scheme { get; }

    /// <summary>The validator-set id.</summary>
    public ReadOnlySpan<byte> SetId => _setId;

    /// <summary>The judged subject.</summary>
    public ProposalSubject Subject { get; }

    /// <summary>The round.</summary>
    public ulong Round { get; }

    /// <summary>The proposal digest the votes sign.</summary>
    public ReadOnlySpan<byte> ProposalDigest => _digest;

    /// <summary>The certified verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>The certified score: the weighted lower median of the included votes.</summary>
    public Score AggregateScore { get; }

    /// <summary>The included votes.</summary>
    public IReadOnlyList<SignedVote> Votes => _votes;

    /// <summary>The commit countersignatures.</summary>
    public IReadOnlyList<CommitSignature> CommitSignatures => _commits;

    /// <summary>Encodes the certificate.</summary>
    /// <returns>The canonical bytes.</returns>
    public byte[] ToBytes() => Encode(includeCommits: true);

    /// <summary>Parses a certificate, strictly: bounded lengths, ascending ids, no trailing bytes.</summary>
    /// <param name="bytes">The encoded certificate.</param>
    /// <returns>The certificate (signatures not yet checked).</returns>
    /// <exception cref="FormatException">The bytes are not a canonical certificate; the message names the field.</exception>
    public static QuorumCertificate Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxEncodedBytes)
        {
            throw new FormatException($"certificate: {bytes.Length} bytes exceeds the limit of {MaxEncodedBytes}.");
        }

        var reader = new CanonicalReader(bytes);
        if (!reader.ReadBytes(4, "magic").SequenceEqual(Magic))
        {
            throw new FormatException("magic: not a NexusZero quorum certificate (expected \"NZQC\").");
        }

        var version = reader.ReadByte("version");
        if (version != FormatVersion)
        {
            throw new FormatException($"version: {version} is not supported (expected {FormatVersion}).");
        }

        var scheme = (SignatureSchemeId)reader.ReadByte("scheme id");
        if (!Enum.IsDefined(scheme))
        {
            throw new FormatException($"scheme id: unknown value {(byte)scheme}.");
        }

        var setId = reader.ReadBytes(ProposalSubject.DigestSize, "validator-set id").ToArray();
        var round = reader.ReadUInt64("round");
        if (round == 0)
        {
            throw new FormatException("round: must be at least 1.");
        }

        var subject = ProposalSubject.Read(ref reader);
        var digest = Proposal.ComputeDigest(setId, subject);
        var verdictByte = reader.ReadByte("verdict");
        if (verdictByte is not ((byte)Verdict.Accept or (byte)Verdict.Reject))
        {
            throw new FormatException($"verdict: unknown value {verdictByte}.");
        }

        var aggregate = reader.ReadUInt32("aggregate score");
        if (!Score.IsValid(aggregate))
        {
            throw new FormatException($"aggregate score: {aggregate} exceeds {Score.Scale}.");
        }

        var voteCount = ReadCount(ref reader, "vote count", minimum: 1);
        var votes = new List<SignedVote>(voteCount);
        string? previous = null;
        for (var i = 0; i < voteCount; i++)
        {
            var id = ReadValidatorId(ref reader, "vote validator id", ref previous);
            var vote = Vote.ReadJudgement(ref reader, digest, id, round);
            var signature = reader.ReadBytes16("vote signature", MaxSignatureBytes);
            votes.Add(new SignedVote(vote, signature));
        }

        var commitCount = ReadCount(ref reader, "commit count", minimum: 0);
        var commits = new List<CommitSignature>(commitCount);
        previous = null;
        for (var i = 0; i < commitCount; i++)
        {
            var id = ReadValidatorId(ref reader, "commit validator id", ref previous);
            commits.Add(new CommitSignature(id, reader.ReadBytes16("commit signature", MaxSignatureBytes)));
        }

        reader.EnsureEnd("certificate");
        return new QuorumCertificate(scheme, setId, subject, round, (Verdict)verdictByte, new Score(aggregate), votes, commits);
    }

    /// <summary>Parses a certificate without throwing.</summary>
    /// <param name="bytes">The encoded certificate.</param>
    /// <param name="certificate">The certificate when parsing succeeded.</param>
    /// <param name="error">What was malformed when parsing failed.</param>
    /// <returns>True when the bytes are a canonical certificate.</returns>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out QuorumCertificate? certificate, out string? error)
    {
        try
        {
            certificate = Parse(bytes);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            certificate = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The same certificate with other commit signatures.</summary>
    internal QuorumCertificate WithCommitSignatures(IEnumerable<CommitSignature> commits) =>
        new(Scheme, _setId, Subject, Round, Verdict, AggregateScore, _votes, commits);

    /// <summary>
    /// The bytes each validator countersigns: the commit label <c>NexusZero/consensus/commit/v1</c> (one length
    /// byte, then ASCII), the 32-byte set id, and SHA-256 of <see cref="ToBytes"/> with the commit-signature
    /// count set to zero and no signatures. The hash covers the scheme, set id, round, subject, verdict, aggregate
    /// score and every vote with its signature, so a countersignature endorses exactly this vote set and result
    /// (docs/formats.md, "Commit payload").
    /// </summary>
    /// <returns>The payload; commit signatures already on this certificate do not change it.</returns>
    public byte[] GetCommitPayload()
    {
        var writer = new CanonicalWriter(96);
        writer.WriteLabel(DomainLabels.Commit);
        writer.WriteBytes(_setId);
        writer.WriteBytes(GetCommitDigest());
        return writer.ToArray();
    }

    /// <summary>SHA-256 of the encoding without commits: what a commit signature certifies (votes, aggregate, verdict).</summary>
    internal byte[] GetCommitDigest() => SHA256.HashData(Encode(includeCommits: false));

    private byte[] Encode(bool includeCommits)
    {
        var writer = new CanonicalWriter(512 + (_votes.Length * 128));
        writer.WriteBytes(Magic);
        writer.WriteByte(FormatVersion);
        writer.WriteByte((byte)Scheme);
        writer.WriteBytes(_setId);
        writer.WriteUInt64(Round);
        Subject.Write(writer);
        writer.WriteByte((byte)Verdict);
        writer.WriteUInt32(AggregateScore.Millionths);
        writer.WriteUInt16((ushort)_votes.Length);
        foreach (var vote in _votes)
        {
            writer.WriteString8(vote.Vote.ValidatorId);
            vote.Vote.WriteJudgement(writer);
            writer.WriteBytes16(vote.Signature);
        }

        var commits = includeCommits ? _commits : [];
        writer.WriteUInt16((ushort)commits.Length);
        foreach (var commit in commits)
        {
            writer.WriteString8(commit.ValidatorId);
            writer.WriteBytes16(commit.Signature);
        }

        return writer.ToArray();
    }

    private static int ReadCount(ref CanonicalReader reader, string field, int minimum)
    {
        var count = reader.ReadUInt16(field);
        if (count < minimum || count > MaxEntries)
        {
            throw new FormatException($"{field}: {count} is outside {minimum}..{MaxEntries}.");
        }

        return count;
    }

    private static string ReadValidatorId(ref CanonicalReader reader, string field, ref string? previous)
    {
        var id = reader.ReadString8(field, Validators.ValidatorMember.MaxIdLength);
        if (!Validators.ValidatorMember.IsValidId(id))
        {
            throw new FormatException($"{field}: '{id}' is not a valid validator id.");
        }

        if (previous is not null && string.CompareOrdinal(previous, id) >= 0)
        {
            throw new FormatException($"{field}: '{id}' is not in strictly ascending order (duplicate or unsorted).");
        }

        previous = id;
        return id;
    }
}
