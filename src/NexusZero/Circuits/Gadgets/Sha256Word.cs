namespace NexusZero.Circuits.Gadgets;

/// <summary>A 32-bit word of the SHA-256 gadget, bit 0 least significant; rotations and shifts only re-index.</summary>
internal readonly struct Sha256Word
{
    private readonly FoldedBit[] _bits;

    public Sha256Word(FoldedBit[] bits) => _bits = bits;

    public FoldedBit this[int index] => _bits[index];

    public bool IsConstant => Array.TrueForAll(_bits, b => b.IsConstant);

    /// <summary>The word's value when every bit is constant.</summary>
    public uint ConstantValue
    {
        get
        {
            uint value = 0;
            for (var i = 0; i < 32; i++)
            {
                value |= (uint)_bits[i].ConstantValue << i;
            }

            return value;
        }
    }

    public static Sha256Word Constant(uint value)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = FoldedBit.Constant(((value >> i) & 1) == 1);
        }

        return new Sha256Word(bits);
    }

    /// <summary>32 bits given most significant first, as the message and the digest carry them.</summary>
    public static Sha256Word FromBigEndianBits(ReadOnlySpan<FoldedBit> bits)
    {
        var word = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            word[i] = bits[31 - i];
        }

        return new Sha256Word(word);
    }

    public void WriteBigEndianBits(Span<LinearCombination> destination)
    {
        for (var i = 0; i < 32; i++)
        {
            destination[i] = _bits[31 - i].Value;
        }
    }

    public Sha256Word RotateRight(int count)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = _bits[(i + count) % 32];
        }

        return new Sha256Word(bits);
    }

    public Sha256Word ShiftRight(int count)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = i + count < 32 ? _bits[i + count] : FoldedBit.Zero;
        }

        return new Sha256Word(bits);
    }
}
