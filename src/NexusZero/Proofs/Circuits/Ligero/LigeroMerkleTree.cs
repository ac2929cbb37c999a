using System.Buffers.Binary;
using NexusZero.Hashing;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// The SHA3-256 Merkle tree over a Ligero proof's columns. Every hash is domain separated by the tag, the tree's
/// number, its level (0 for leaves) and its index within the level, so no node can stand in for a leaf, for a node
/// of another level or position, or for a node of another tree. A leaf hashes a 32-byte random salt with the column
/// (zero knowledge: an unopened column cannot be confirmed by guessing it). docs/formats.md, "Ligero proof".
/// </summary>
internal sealed class LigeroMerkleTree
{
    /// <summary>Bytes before a node's or leaf's payload: tag, tree, level, index.</summary>
    public const int PrefixLength = 24 + 1 + 1 + 4;

    /// <summary>The only tree of a version-1 proof.</summary>
    public const byte ColumnTree = 0;

    private readonly byte[] _nodes;
    private readonly int _logLeaves;

    private LigeroMerkleTree(byte[] nodes, int logLeaves)
    {
        _nodes = nodes;
        _logLeaves = logLeaves;
    }

    private static ReadOnlySpan<byte> Tag => "NexusZero/ligero/merkle/"u8;

    /// <summary>The root.</summary>
    public ReadOnlySpan<byte> Root => _nodes.AsSpan(Sha3_256.HashLength, Sha3_256.HashLength);

    /// <summary>Builds the tree over 2^<paramref name="logLeaves"/> leaf hashes, laid out heap-style (node 1 the root).</summary>
    public static LigeroMerkleTree Build(byte[] leafHashes, int logLeaves)
    {
        var leaves = 1 << logLeaves;
        var nodes = new byte[2 * leaves * Sha3_256.HashLength];
        leafHashes.AsSpan(0, leaves * Sha3_256.HashLength).CopyTo(nodes.AsSpan(leaves * Sha3_256.HashLength));
        for (var level = 1; level <= logLeaves; level++)
        {
            var first = leaves >> level;
            Parallel.For(0, first, new ParallelOptions { MaxDegreeOfParallelism = first >= 1024 ? -1 : 1 }, index =>
            {
                var node = first + index;
                HashNode(level, index, nodes.AsSpan(2 * node * Sha3_256.HashLength, Sha3_256.HashLength), nodes.AsSpan((2 * node + 1) * Sha3_256.HashLength, Sha3_256.HashLength), nodes.AsSpan(node * Sha3_256.HashLength, Sha3_256.HashLength));
            });
        }

        return new LigeroMerkleTree(nodes, logLeaves);
    }

    /// <summary>Writes the <c>logLeaves</c> sibling hashes of leaf <paramref name="index"/>, bottom up.</summary>
    public void WritePath(int index, Span<byte> destination)
    {
        var node = (1 << _logLeaves) + index;
        for (var level = 0; level < _logLeaves; level++)
        {
            _nodes.AsSpan((node ^ 1) * Sha3_256.HashLength, Sha3_256.HashLength).CopyTo(destination.Slice(level * Sha3_256.HashLength, Sha3_256.HashLength));
            node >>= 1;
        }
    }

    /// <summary>Clears the hashes (they are public, but derived from salted witness columns).</summary>
    public void Clear() => Array.Clear(_nodes);

    /// <summary>The length of a leaf's hash input: prefix, salt, then the column's elements.</summary>
    public static int LeafInputLength(int rows) => PrefixLength + LigeroLayout.SaltBytes + (rows * LigeroLayout.ElementBytes);

    /// <summary>
    /// Hashes leaf <paramref name="index"/> from <paramref name="input"/>, which holds the salt at <see cref="PrefixLength"/>
    /// and the column after it (each element 32 bytes, Montgomery form little-endian); the prefix is written here.
    /// </summary>
    public static void HashLeaf(int index, Span<byte> input, Span<byte> destination)
    {
        WritePrefix(input, 0, index);
        Sha3_256.HashData(input, destination);
    }

    /// <summary>Checks that <paramref name="leaf"/> sits at <paramref name="index"/> under <paramref name="root"/>.</summary>
    public static bool VerifyPath(ReadOnlySpan<byte> root, int index, ReadOnlySpan<byte> leaf, ReadOnlySpan<byte> path, int logLeaves)
    {
        Span<byte> current = stackalloc byte[Sha3_256.HashLength];
        Span<byte> next = stackalloc byte[Sha3_256.HashLength];
        leaf.CopyTo(current);
        var position = index;
        for (var level = 0; level < logLeaves; level++)
        {
            var sibling = path.Slice(level * Sha3_256.HashLength, Sha3_256.HashLength);
            if ((position & 1) == 0)
            {
                HashNode(level + 1, position >> 1, current, sibling, next);
            }
            else
            {
                HashNode(level + 1, position >> 1, sibling, current, next);
            }

            next.CopyTo(current);
            position >>= 1;
        }

        return current.SequenceEqual(root);
    }

    private static void HashNode(int level, int index, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[PrefixLength + (2 * Sha3_256.HashLength)];
        WritePrefix(buffer, level, index);
        left.CopyTo(buffer[PrefixLength..]);
        right.CopyTo(buffer[(PrefixLength + Sha3_256.HashLength)..]);
        Sha3_256.HashData(buffer, destination);
    }

    private static void WritePrefix(Span<byte> buffer, int level, int index)
    {
        Tag.CopyTo(buffer);
        buffer[Tag.Length] = ColumnTree;
        buffer[Tag.Length + 1] = (byte)level;
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(Tag.Length + 2, 4), (uint)index);
    }
}
