using System.Buffers.Binary;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// snarkjs's hashToG2 (keypair.js), which a phase-2 contribution's proof of knowledge uses and `zkey verify`
/// recomputes: the first 32 bytes of the transcript, as eight big-endian u32 words, key ffjavascript's ChaCha20
/// generator; G2.fromRng draws x ∈ Fp2 (c0 then c1, each four u64 words of two u32 each, high word first, masked to
/// 254 bits, redrawn while ≥ p, and taken as a Montgomery representation) and a sign bit, until x³ + b is a square;
/// y is the root whose "negative" flag equals the bit; the point is multiplied by G2's cofactor. Public data only.
/// </summary>
internal static class SnarkjsHashToG2
{
    /// <summary>G2's cofactor h = 2p − r (bn128.js cofactorG2).</summary>
    private static readonly Limbs256 Cofactor = Limbs256.FromBigEndian(Convert.FromHexString("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d"));

    public static G2Point Hash(ReadOnlySpan<byte> transcript)
    {
        var seed = new uint[8];
        for (var i = 0; i < 8; i++)
        {
            seed[i] = BinaryPrimitives.ReadUInt32BigEndian(transcript.Slice(4 * i, 4));
        }

        var rng = new ChaCha(seed);
        while (true)
        {
            var x = new Fp2(FieldFromRng(rng), FieldFromRng(rng));
            var negative = (rng.NextU32() & 1) == 1;
            var rhs = (x.Square() * x) + G2Curve.B;
            if (!Bn254CompressedEncoding.TrySqrt(rhs, out var y))
            {
                continue;
            }

            if (Bn254CompressedEncoding.IsGreatest(y) != negative)
            {
                y = -y;
            }

            return new G2Point(x, y, Fp2.One).MultiplyLimbs(Cofactor);
        }
    }

    private static Fp FieldFromRng(ChaCha rng)
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            for (var i = 0; i < 4; i++)
            {
                ulong high = rng.NextU32();
                ulong low = rng.NextU32();
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.Slice(8 * i, 8), (high << 32) | low);
            }

            bytes[31] &= 0x3f;
            if (Fp.FromMontgomeryLittleEndian(bytes, out var value))
            {
                return value;
            }
        }
    }

    /// <summary>ffjavascript's ChaCha20 generator: the key words in state 4 … 11, the counter in 12, zero nonce.</summary>
    private sealed class ChaCha
    {
        private readonly uint[] _state = new uint[16];
        private readonly uint[] _block = new uint[16];
        private int _index = 16;

        public ChaCha(uint[] seed)
        {
            _state[0] = 0x61707865;
            _state[1] = 0x3320646E;
            _state[2] = 0x79622D32;
            _state[3] = 0x6B206574;
            seed.CopyTo(_state, 4);
        }

        public uint NextU32()
        {
            if (_index == 16)
            {
                Update();
            }

            return _block[_index++];
        }

        private void Update()
        {
            _state.CopyTo(_block, 0);
            for (var i = 0; i < 10; i++)
            {
                Quarter(0, 4, 8, 12);
                Quarter(1, 5, 9, 13);
                Quarter(2, 6, 10, 14);
                Quarter(3, 7, 11, 15);
                Quarter(0, 5, 10, 15);
                Quarter(1, 6, 11, 12);
                Quarter(2, 7, 8, 13);
                Quarter(3, 4, 9, 14);
            }

            for (var i = 0; i < 16; i++)
            {
                _block[i] += _state[i];
            }

            _index = 0;
            for (var i = 12; i < 16 && ++_state[i] == 0; i++)
            {
            }
        }

        private void Quarter(int a, int b, int c, int d)
        {
            var s = _block;
            s[a] += s[b];
            s[d] = uint.RotateLeft(s[d] ^ s[a], 16);
            s[c] += s[d];
            s[b] = uint.RotateLeft(s[b] ^ s[c], 12);
            s[a] += s[b];
            s[d] = uint.RotateLeft(s[d] ^ s[a], 8);
            s[c] += s[d];
            s[b] = uint.RotateLeft(s[b] ^ s[c], 7);
        }
    }
}
