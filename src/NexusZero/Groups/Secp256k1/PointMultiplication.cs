namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Scalar multiplication on secp256k1. The constant-time paths (<see cref="MultiplyConstantTime"/>,
/// <see cref="MultiplyBaseConstantTime"/>) use a fixed 4-bit window: the same sequence of complete
/// additions and doublings for every scalar, and tables read in full with masks, so neither timing nor
/// memory access depends on the scalar. <see cref="MultiplyVarTime"/> is width-5 wNAF for public scalars.
/// </summary>
internal static class PointMultiplication
{
    private const int Windows = 64;
    private const int WindowEntries = 16;

    /// <summary>i·16^j·G for j &lt; 64, i &lt; 16, built on first use (public data).</summary>
    private static readonly Lazy<ProjectivePoint[]> BaseTable = new(BuildBaseTable);

    /// <summary>k·P in constant time with respect to k.</summary>
    public static ProjectivePoint MultiplyConstantTime(in ProjectivePoint p, in ScalarValue k)
    {
        Span<ProjectivePoint> table = stackalloc ProjectivePoint[WindowEntries];
        table[0] = ProjectivePoint.Identity;
        for (var i = 1; i < WindowEntries; i++)
        {
            table[i] = ProjectivePoint.Add(table[i - 1], p);
        }

        var acc = ProjectivePoint.Identity;
        for (var i = Windows - 1; i >= 0; i--)
        {
            acc = ProjectivePoint.Double(acc);
            acc = ProjectivePoint.Double(acc);
            acc = ProjectivePoint.Double(acc);
            acc = ProjectivePoint.Double(acc);
            acc = ProjectivePoint.Add(acc, Select(table, k.Nibble(i)));
        }

        return acc;
    }

    /// <summary>k·G in constant time with respect to k, from the precomputed base table (64 additions).</summary>
    public static ProjectivePoint MultiplyBaseConstantTime(in ScalarValue k)
    {
        var table = BaseTable.Value.AsSpan();
        var acc = ProjectivePoint.Identity;
        for (var j = 0; j < Windows; j++)
        {
            acc = ProjectivePoint.Add(acc, Select(table.Slice(j * WindowEntries, WindowEntries), k.Nibble(j)));
        }

        return acc;
    }

    /// <summary>k·P in variable time (width-5 wNAF): only for public scalars.</summary>
    public static ProjectivePoint MultiplyVarTime(in ProjectivePoint p, in ScalarValue k)
    {
        Span<sbyte> naf = stackalloc sbyte[257];
        var top = ComputeWnaf(k, 5, naf);
        if (top < 0)
        {
            return ProjectivePoint.Identity;
        }

        // Odd multiples P, 3P, ..., 15P.
        Span<ProjectivePoint> odd = stackalloc ProjectivePoint[8];
        odd[0] = p;
        var twice = ProjectivePoint.Double(p);
        for (var i = 1; i < 8; i++)
        {
            odd[i] = ProjectivePoint.Add(odd[i - 1], twice);
        }

        var acc = ProjectivePoint.Identity;
        for (var i = top; i >= 0; i--)
        {
            acc = ProjectivePoint.Double(acc);
            var digit = naf[i];
            if (digit > 0)
            {
                acc = ProjectivePoint.Add(acc, odd[digit >> 1]);
            }
            else if (digit < 0)
            {
                acc = ProjectivePoint.Add(acc, ProjectivePoint.Negate(odd[(-digit) >> 1]));
            }
        }

        return acc;
    }

    /// <summary>
    /// Width-w non-adjacent form of a public scalar into <paramref name="naf"/> (257 digits, odd or 0,
    /// |digit| &lt; 2^(w−1)); returns the index of the highest non-zero digit, or −1 for zero.
    /// </summary>
    public static int ComputeWnaf(in ScalarValue k, int width, Span<sbyte> naf)
    {
        naf.Clear();
        Span<ulong> limbs = [k.L0, k.L1, k.L2, k.L3, 0];
        var windowSize = 1 << width;
        var half = windowSize >> 1;
        var top = -1;
        var position = 0;
        while (position < 257)
        {
            if (Bit(limbs, position) == 0)
            {
                position++;
                continue;
            }

            var digit = (int)Bits(limbs, position, width);
            if (digit >= half)
            {
                digit -= windowSize;
                AddAt(limbs, position + width);
            }

            naf[position] = (sbyte)digit;
            top = position;
            ClearLow(limbs, position, width);
            position += width;
        }

        return top;
    }

    /// <summary>Reads every entry and keeps entry <paramref name="index"/> by mask (constant time).</summary>
    internal static ProjectivePoint Select(ReadOnlySpan<ProjectivePoint> table, int index)
    {
        var result = ProjectivePoint.Identity;
        for (var i = 0; i < table.Length; i++)
        {
            var mask = WordArithmetic.MaskFromBit(WordArithmetic.IsZeroBit((ulong)(uint)(i ^ index)));
            result.ConditionalAssign(table[i], mask);
        }

        return result;
    }

    private static ProjectivePoint[] BuildBaseTable()
    {
        var table = new ProjectivePoint[Windows * WindowEntries];
        var windowBase = ProjectivePoint.Generator;
        for (var j = 0; j < Windows; j++)
        {
            table[j * WindowEntries] = ProjectivePoint.Identity;
            for (var i = 1; i < WindowEntries; i++)
            {
                table[(j * WindowEntries) + i] = ProjectivePoint.Add(table[(j * WindowEntries) + i - 1], windowBase);
            }

            windowBase = ProjectivePoint.Double(ProjectivePoint.Double(ProjectivePoint.Double(ProjectivePoint.Double(windowBase))));
        }

        return table;
    }

    private static ulong Bit(ReadOnlySpan<ulong> limbs, int position) => (limbs[position >> 6] >> (position & 63)) & 1;

    private static ulong Bits(ReadOnlySpan<ulong> limbs, int position, int count)
    {
        ulong value = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            var bitPosition = position + i;
            value = (value << 1) | (bitPosition < 320 ? Bit(limbs, bitPosition) : 0);
        }

        return value;
    }

    private static void ClearLow(Span<ulong> limbs, int position, int count)
    {
        for (var i = 0; i < count && position + i < 320; i++)
        {
            var bitPosition = position + i;
            limbs[bitPosition >> 6] &= ~(1UL << (bitPosition & 63));
        }
    }

    private static void AddAt(Span<ulong> limbs, int position)
    {
        if (position >= 320)
        {
            return;
        }

        var index = position >> 6;
        var carry = 1UL << (position & 63);
        while (index < limbs.Length && carry != 0)
        {
            var sum = limbs[index] + carry;
            carry = sum < limbs[index] ? 1UL : 0UL;
            limbs[index] = sum;
            index++;
        }
    }
}
