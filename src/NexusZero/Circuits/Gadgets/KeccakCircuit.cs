using NexusZero.Hashing;

namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Keccak-f[1600] (FIPS 202, section 3) on a state of 1600 <see cref="FoldedBit"/>s: bit z of lane (x, y) at
/// index 64·(x + 5y) + z, which is also bit 8j + k = bit k of state byte j, the byte order the sponge absorbs in.
/// </summary>
/// <remarks>
/// Per round: θ's column parities (5-input parity: 4 constraints per bit, 320 bits), D = C[x−1] ⊕ rot(C[x+1], 1)
/// (1 each, 320), A ⊕ D (1 each, 1600), χ's ¬b ∧ c and the XOR into a (2 each, 1600); ρ, π and ι are wiring and
/// constants. About 6,400 constraints a round and 153,000 a permutation; constant bits (a fresh state, padding)
/// fold away.
/// </remarks>
internal sealed class KeccakCircuit(CircuitBuilder builder)
{
    /// <summary>Lanes × bits per lane.</summary>
    public const int StateBits = 1600;

    private const int Rounds = 24;

    private static readonly int[] RotationOffsets = ComputeRotationOffsets();

    private readonly FoldedBitLogic _logic = new(builder);

    /// <summary>The bit-wise XOR used by the sponge to absorb a block.</summary>
    public FoldedBit Xor(FoldedBit a, FoldedBit b) => _logic.XorToWire(a, b);

    /// <summary>
    /// Applies the permutation. <paramref name="outputLanes"/> below 25 computes only the first lanes of the last
    /// round's χ (the rest would be unconstrained wires nobody reads), for a final squeeze that takes only those.
    /// </summary>
    public FoldedBit[] Permute(FoldedBit[] state, int outputLanes = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(state.Length, StateBits);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputLanes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputLanes, 25);
        var a = state;
        for (var round = 0; round < Rounds; round++)
        {
            var b = ThetaRhoPi(a);
            a = Chi(b, round == Rounds - 1 ? outputLanes : 25);
            Iota(a, KeccakF1600.RoundConstants[round]);
        }

        return a;
    }

    /// <summary>θ, then ρ and π together: B[y, 2x + 3y] = rot(A[x, y] ⊕ D[x], r[x, y]).</summary>
    private FoldedBit[] ThetaRhoPi(FoldedBit[] a)
    {
        var column = new FoldedBit[5 * 64];
        var five = new FoldedBit[5];
        for (var x = 0; x < 5; x++)
        {
            for (var z = 0; z < 64; z++)
            {
                for (var y = 0; y < 5; y++)
                {
                    five[y] = a[Bit(x + (5 * y), z)];
                }

                column[(64 * x) + z] = _logic.XorMany(five);
            }
        }

        var d = new FoldedBit[5 * 64];
        for (var x = 0; x < 5; x++)
        {
            for (var z = 0; z < 64; z++)
            {
                // rot(C[x + 1], 1) has at bit z the column's bit z − 1.
                d[(64 * x) + z] = _logic.XorToWire(column[(64 * ((x + 4) % 5)) + z], column[(64 * ((x + 1) % 5)) + ((z + 63) % 64)]);
            }
        }

        var b = new FoldedBit[StateBits];
        for (var x = 0; x < 5; x++)
        {
            for (var y = 0; y < 5; y++)
            {
                var lane = x + (5 * y);
                var target = y + (5 * (((2 * x) + (3 * y)) % 5));
                var offset = RotationOffsets[lane];
                for (var z = 0; z < 64; z++)
                {
                    // A left rotation by r puts the source's bit z − r at bit z.
                    var source = (z - offset + 64) % 64;
                    b[Bit(target, z)] = _logic.XorToWire(a[Bit(lane, source)], d[(64 * x) + source]);
                }
            }
        }

        return b;
    }

    /// <summary>χ: A[x, y] = B[x, y] ⊕ (¬B[x + 1, y] ∧ B[x + 2, y]), for the first <paramref name="lanes"/> lanes.</summary>
    private FoldedBit[] Chi(FoldedBit[] b, int lanes)
    {
        var a = new FoldedBit[StateBits];
        Array.Fill(a, FoldedBit.Zero);
        for (var lane = 0; lane < lanes; lane++)
        {
            var (x, y) = (lane % 5, lane / 5);
            var next = ((x + 1) % 5) + (5 * y);
            var afterNext = ((x + 2) % 5) + (5 * y);
            for (var z = 0; z < 64; z++)
            {
                a[Bit(lane, z)] = _logic.XorToWire(b[Bit(lane, z)], _logic.AndNot(b[Bit(next, z)], b[Bit(afterNext, z)]));
            }
        }

        return a;
    }

    /// <summary>ι: lane (0, 0) ⊕= the round constant, free because the constant's bits are known.</summary>
    private static void Iota(FoldedBit[] a, ulong roundConstant)
    {
        for (var z = 0; z < 64; z++)
        {
            if (((roundConstant >> z) & 1) == 1)
            {
                a[z] = FoldedBitLogic.Not(a[z]);
            }
        }
    }

    private static int Bit(int lane, int z) => (64 * lane) + z;

    /// <summary>ρ's offsets by FIPS 202 algorithm 2: (t + 1)(t + 2)/2 mod 64 along the walk (x, y) → (y, 2x + 3y).</summary>
    private static int[] ComputeRotationOffsets()
    {
        var offsets = new int[25];
        var (x, y) = (1, 0);
        for (var t = 0; t < 24; t++)
        {
            offsets[x + (5 * y)] = ((t + 1) * (t + 2) / 2) % 64;
            (x, y) = (y, ((2 * x) + (3 * y)) % 5);
        }

        return offsets;
    }
}
