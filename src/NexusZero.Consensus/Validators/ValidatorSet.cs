using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Consensus.Canonical;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Validators;

/// <summary>
/// The validators of one epoch: members sorted by id, their keys and weights, and the thresholds that follow.
/// <see cref="SetId"/> hashes all of it and is bound into every vote, commit and certificate, so a signature
/// made for one set never counts for another. Thresholds: with total weight W, the tolerated faulty weight is
/// f = ⌊(W − 1) / 3⌋ and a quorum is ⌊(W + f) / 2⌋ + 1, which is 2f + 1 when W = 3f + 1 (docs/security.md).
/// </summary>
public sealed class ValidatorSet
{
    /// <summary>The largest number of members.</summary>
    public const int MaxMembers = 256;

    private readonly ValidatorMember[] _members;
    private readonly ISignatureVerifier[] _verifiers;
    private readonly Dictionary<string, int> _index;
    private readonly byte[] _setId;

    private ValidatorSet(ulong epoch, ISignatureScheme scheme, ValidatorMember[] members)
    {
        Epoch = epoch;
        Scheme = scheme;
        _members = members;
        _verifiers = new ISignatureVerifier[members.Length];
        _index = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i].PublicKey.Length != scheme.PublicKeySize)
            {
                throw new ArgumentException($"Validator '{members[i].Id}': publicKey is {members[i].PublicKey.Length} bytes; {scheme.Name} public keys are {scheme.PublicKeySize}.", nameof(members));
            }

            _verifiers[i] = scheme.CreateVerifier(members[i].PublicKey.Span);
            _index.Add(members[i].Id, i);
            total += members[i].Weight;
        }

        TotalWeight = total;
        FaultTolerance = (total - 1) / 3;
        QuorumWeight = ((total + FaultTolerance) / 2) + 1;
        _setId = ComputeSetId();
    }

    /// <summary>The epoch number, bound into <see cref="SetId"/>.</summary>
    public ulong Epoch { get; }

    /// <summary>The signature scheme every member uses.</summary>
    public ISignatureScheme Scheme { get; }

    /// <summary>The members, sorted by id (ordinal).</summary>
    public IReadOnlyList<ValidatorMember> Members => _members;

    /// <summary>The number of members.</summary>
    public int Count => _members.Length;

    /// <summary>The sum of all weights (the member count with equal weights).</summary>
    public long TotalWeight { get; }

    /// <summary>f: the largest faulty weight the set tolerates.</summary>
    public long FaultTolerance { get; }

    /// <summary>The weight a quorum needs (2f + 1 when the total is 3f + 1).</summary>
    public long QuorumWeight { get; }

    /// <summary>The 32-byte SHA-256 identity of the set (docs/formats.md).</summary>
    public ReadOnlySpan<byte> SetId => _setId;

    /// <summary>The set id as lowercase hex, for logs and files.</summary>
    public string SetIdHex => Convert.ToHexStringLower(_setId);

    /// <summary>Creates a set with equal weights.</summary>
    /// <param name="epoch">The epoch number.</param>
    /// <param name="scheme">The members' signature scheme.</param>
    /// <param name="members">1 to 256 members with distinct ids; weights other than 1 make the set weighted.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException">No members, too many, duplicate ids, or a key the scheme rejects.</exception>
    public static ValidatorSet Create(ulong epoch, ISignatureScheme scheme, IEnumerable<ValidatorMember> members)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(members);
        var sorted = members.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
        if (sorted.Length is 0 or > MaxMembers)
        {
            throw new ArgumentException($"A validator set has 1 to {MaxMembers} members; got {sorted.Length}.", nameof(members));
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Duplicate validator id '{sorted[i].Id}'.", nameof(members));
            }
        }

        return new ValidatorSet(epoch, scheme, sorted);
    }

    /// <summary>Finds a member by id.</summary>
    /// <param name="id">The validator id.</param>
    /// <param name="member">The member when found.</param>
    /// <returns>True when the id belongs to the set.</returns>
    public bool TryGetMember(string id, [NotNullWhen(true)] out ValidatorMember? member)
    {
        if (_index.TryGetValue(id, out var i))
        {
            member = _members[i];
            return true;
        }

        member = null;
        return false;
    }

    /// <summary>True when the set is weighted (some weight differs from 1).</summary>
    public bool IsWeighted => Array.Exists(_members, m => m.Weight != 1);

    internal bool TryGetIndex(string id, out int index) => _index.TryGetValue(id, out index);

    internal ISignatureVerifier VerifierAt(int index) => _verifiers[index];

    internal ValidatorMember MemberAt(int index) => _members[index];

    internal bool HasSetId(ReadOnlySpan<byte> setId) => setId.SequenceEqual(_setId);

    private byte[] ComputeSetId()
    {
        var writer = new CanonicalWriter();
        writer.WriteLabel(DomainLabels.ValidatorSet);
        writer.WriteUInt64(Epoch);
        writer.WriteByte((byte)Scheme.Id);
        writer.WriteUInt16((ushort)_members.Length);
        foreach (var member in _members)
        {
            writer.WriteString8(member.Id);
            writer.WriteUInt32((uint)member.Weight);
            writer.WriteBytes16(member.PublicKey.Span);
        }

        return SHA256.HashData(writer.WrittenSpan);
    }
}
