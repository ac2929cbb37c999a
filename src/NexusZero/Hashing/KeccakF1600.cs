using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NexusZero.Hashing;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202, section 3) on a 200-byte state. Lanes are read and
/// written little-endian, as FIPS 202 and STROBE lay them out, so byte i of the state is bit 8i..8i+7.
/// The permutation has no data-dependent branches or indexes, so it is safe on secret state.
/// </summary>
internal static class KeccakF1600
{
    /// <summary>Size of the state in bytes.</summary>
    public const int StateBytes = 200;

    private const int Rounds = 24;

    /// <summary>ι's round constants RC[0..23] (FIPS 202, algorithm 5), shared with the circuit gadget.</summary>
    internal static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>Applies the permutation in place to a 200-byte state.</summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not 200 bytes.</exception>
    public static void Permute(Span<byte> state)
    {
        if (state.Length != StateBytes)
        {
            throw new ArgumentException($"The Keccak-f[1600] state is {StateBytes} bytes, not {state.Length}.", nameof(state));
        }

        Span<ulong> lanes = stackalloc ulong[25];
        for (var i = 0; i < 25; i++)
        {
            lanes[i] = BinaryPrimitives.ReadUInt64LittleEndian(state.Slice(8 * i, 8));
        }

        Permute(lanes);

        for (var i = 0; i < 25; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(state.Slice(8 * i, 8), lanes[i]);
        }

        lanes.Clear();
    }

    /// <summary>Applies the permutation in place to 25 lanes, lane (x, y) at index x + 5y.</summary>
    /// <exception cref="ArgumentException"><paramref name="lanes"/> is not 25 lanes.</exception>
    public static void Permute(Span<ulong> lanes)
    {
        if (lanes.Length != 25)
        {
            throw new ArgumentException($"The Keccak-f[1600] state is 25 lanes, not {lanes.Length}.", nameof(lanes));
        }

        ulong a00 = lanes[0], a01 = lanes[1], a02 = lanes[2], a03 = lanes[3], a04 = lanes[4];
        ulong a05 = lanes[5], a06 = lanes[6], a07 = lanes[7], a08 = lanes[8], a09 = lanes[9];
        ulong a10 = lanes[10], a11 = lanes[11], a12 = lanes[12], a13 = lanes[13], a14 = lanes[14];
        ulong a15 = lanes[15], a16 = lanes[16], a17 = lanes[17], a18 = lanes[18], a19 = lanes[19];
        ulong a20 = lanes[20], a21 = lanes[21], a22 = lanes[22], a23 = lanes[23], a24 = lanes[24];

        var rc = RoundConstants;
        for (var round = 0; round < Rounds; round++)
        {
            // θ: column parities.
            var c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            var c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            var c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            var c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            var c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ Rotl(c1, 1);
            var d1 = c0 ^ Rotl(c2, 1);
            var d2 = c1 ^ Rotl(c3, 1);
            var d3 = c2 ^ Rotl(c4, 1);
            var d4 = c3 ^ Rotl(c0, 1);

            // ρ and π together: B[y, 2x+3y] = rot(A[x, y] ^ D[x], r[x, y]); b index = y + 5·((2x + 3y) mod 5).
            var b00 = a00 ^ d0;
            var b10 = Rotl(a01 ^ d1, 1);
            var b20 = Rotl(a02 ^ d2, 62);
            var b05 = Rotl(a03 ^ d3, 28);
            var b15 = Rotl(a04 ^ d4, 27);
            var b16 = Rotl(a05 ^ d0, 36);
            var b01 = Rotl(a06 ^ d1, 44);
            var b11 = Rotl(a07 ^ d2, 6);
            var b21 = Rotl(a08 ^ d3, 55);
            var b06 = Rotl(a09 ^ d4, 20);
            var b07 = Rotl(a10 ^ d0, 3);
            var b17 = Rotl(a11 ^ d1, 10);
            var b02 = Rotl(a12 ^ d2, 43);
            var b12 = Rotl(a13 ^ d3, 25);
            var b22 = Rotl(a14 ^ d4, 39);
            var b23 = Rotl(a15 ^ d0, 41);
            var b08 = Rotl(a16 ^ d1, 45);
            var b18 = Rotl(a17 ^ d2, 15);
            var b03 = Rotl(a18 ^ d3, 21);
            var b13 = Rotl(a19 ^ d4, 8);
            var b14 = Rotl(a20 ^ d0, 18);
            var b24 = Rotl(a21 ^ d1, 2);
            var b09 = Rotl(a22 ^ d2, 61);
            var b19 = Rotl(a23 ^ d3, 56);
            var b04 = Rotl(a24 ^ d4, 14);

            // χ row by row, then ι on lane (0, 0).
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a00 ^= rc[round];
        }

        lanes[0] = a00; lanes[1] = a01; lanes[2] = a02; lanes[3] = a03; lanes[4] = a04;
        lanes[5] = a05; lanes[6] = a06; lanes[7] = a07; lanes[8] = a08; lanes[9] = a09;
        lanes[10] = a10; lanes[11] = a11; lanes[12] = a12; lanes[13] = a13; lanes[14] = a14;
        lanes[15] = a15; lanes[16] = a16; lanes[17] = a17; lanes[18] = a18; lanes[19] = a19;
        lanes[20] = a20; lanes[21] = a21; lanes[22] = a22; lanes[23] = a23; lanes[24] = a24;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Rotl(ulong value, int offset) => BitOperations.RotateLeft(value, offset);
}
