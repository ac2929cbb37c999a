using System.Numerics;
using System.Runtime.Intrinsics;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Tests.Groups;

/// <summary>The four-lane field arithmetic must agree lane by lane with the scalar field element.</summary>
public sealed class FieldElement4Tests
{
    [Fact]
    public void Every_operation_agrees_with_the_scalar_field_in_every_lane()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane code must be tested here");
        var random = RistrettoTestData.NewRandom(255);
        for (var trial = 0; trial < 300; trial++)
        {
            var a = new FieldElement[4];
            var b = new FieldElement[4];
            for (var lane = 0; lane < 4; lane++)
            {
                a[lane] = Element(random, trial + lane);
                b[lane] = Element(random, trial + (2 * lane) + 1);
            }

            var va = FieldElement4.FromLanes(a[0], a[1], a[2], a[3]);
            var vb = FieldElement4.FromLanes(b[0], b[1], b[2], b[3]);
            var product = va * vb;
            var square = va.Square();
            var sum = va + vb;
            var difference = va - vb;
            var chain = (difference * sum).Pow2K(3) - (square + product);
            for (var lane = 0; lane < 4; lane++)
            {
                AssertSame(a[lane], Lanes(va)[lane]);
                AssertSame(a[lane] * b[lane], Lanes(product)[lane]);
                AssertSame(a[lane].Square(), Lanes(square)[lane]);
                AssertSame(a[lane] + b[lane], Lanes(sum)[lane]);
                AssertSame(a[lane] - b[lane], Lanes(difference)[lane]);
                AssertSame(((a[lane] - b[lane]) * (a[lane] + b[lane])).Pow2K(3) - (a[lane].Square() + (a[lane] * b[lane])), Lanes(chain)[lane]);
            }
        }
    }

    [Fact]
    public void Lazy_inputs_up_to_the_bound_multiply_and_square_exactly()
    {
        // Limbs at LazyBound − 1 in every position (the worst column sums and the largest 19·limb), then
        // random limbs below the bound; checked against BigInteger arithmetic modulo p.
        var random = RistrettoTestData.NewRandom(2024);
        for (var trial = 0; trial < 200; trial++)
        {
            var a = LazyElement(random, trial == 0);
            var b = LazyElement(random, trial == 0 || trial == 1);
            var product = a * b;
            var square = a.Square();
            for (var lane = 0; lane < 4; lane++)
            {
                var va = ValueOf(a, lane);
                var vb = ValueOf(b, lane);
                Assert.Equal(BigInteger.Remainder(va * vb, Prime), Canonical(Lanes(product)[lane]));
                Assert.Equal(BigInteger.Remainder(va * va, Prime), Canonical(Lanes(square)[lane]));
            }
        }
    }

    [Fact]
    public void Lazy_bound_covers_twice_a_weakly_reduced_limb_plus_two_p()
    {
        // The packed point formulas feed the multiplier (weakly reduced limb) + 2p − (weakly reduced limb)
        // and sums of two weakly reduced limbs; both must stay below the bound the multiplication allows.
        for (var i = 0; i < 10; i++)
        {
            var width = i % 2 == 0 ? 26 : 25;
            var weak = (1UL << width) + (1UL << 18) - 1;
            var twoP = i == 0 ? 2 * ((1UL << 26) - 19) : 2 * ((1UL << width) - 1);
            Assert.True(weak + twoP < FieldElement4.LazyBound(i));
            Assert.True(weak + weak < FieldElement4.LazyBound(i));
            Assert.True(weak <= twoP);
            Assert.True(2 * FieldElement4.LazyBound(i) < (1UL << 32));
            Assert.True(19 * FieldElement4.LazyBound(i) < (1UL << 32));
        }
    }

    private static readonly BigInteger Prime = BigInteger.Pow(2, 255) - 19;

    private static readonly int[] LimbOffsets = [0, 26, 51, 77, 102, 128, 153, 179, 204, 230];

    private static FieldElement4 LazyElement(Random random, bool atBound)
    {
        var limbs = new ulong[10][];
        for (var i = 0; i < 10; i++)
        {
            limbs[i] = new ulong[4];
            for (var lane = 0; lane < 4; lane++)
            {
                var bound = FieldElement4.LazyBound(i);
                limbs[i][lane] = atBound || random.Next(8) == 0 ? bound - 1 : (ulong)random.NextInt64((long)bound);
            }
        }

        var v = default(FieldElement4);
        v.L0 = Vector256.Create(limbs[0]); v.L1 = Vector256.Create(limbs[1]); v.L2 = Vector256.Create(limbs[2]);
        v.L3 = Vector256.Create(limbs[3]); v.L4 = Vector256.Create(limbs[4]); v.L5 = Vector256.Create(limbs[5]);
        v.L6 = Vector256.Create(limbs[6]); v.L7 = Vector256.Create(limbs[7]); v.L8 = Vector256.Create(limbs[8]);
        v.L9 = Vector256.Create(limbs[9]);
        return v;
    }

    private static BigInteger ValueOf(in FieldElement4 v, int lane)
    {
        Vector256<ulong>[] limbs = [v.L0, v.L1, v.L2, v.L3, v.L4, v.L5, v.L6, v.L7, v.L8, v.L9];
        var value = BigInteger.Zero;
        for (var i = 0; i < 10; i++)
        {
            value += new BigInteger(limbs[i].GetElement(lane)) << LimbOffsets[i];
        }

        return value;
    }

    private static BigInteger Canonical(in FieldElement value)
    {
        var bytes = new byte[32];
        value.Encode(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static FieldElement[] Lanes(in FieldElement4 v)
    {
        v.ToLanes(out var a, out var b, out var c, out var d);
        return [a, b, c, d];
    }

    private static FieldElement Element(Random random, int kind)
    {
        // Random values, the edges 0, 1, p − 1 and 2^255 − 1 (non-canonical input), and unreduced
        // limbs as they come out of scalar additions.
        switch (kind % 7)
        {
            case 0: return FieldElement.Zero;
            case 1: return FieldElement.One;
            case 2: return -FieldElement.One;
            case 3: return FieldElement.FromBytes(Enumerable.Repeat((byte)0xff, 32).ToArray());
            case 4: return -FieldElement.FromBytes(RistrettoTestData.RandomBytes(random, 32));
            default: return FieldElement.FromBytes(RistrettoTestData.RandomBytes(random, 32));
        }
    }

    private static void AssertSame(in FieldElement expected, in FieldElement actual)
    {
        var e = new byte[32];
        var a = new byte[32];
        expected.Encode(e);
        actual.Encode(a);
        Assert.Equal(Convert.ToHexString(e), Convert.ToHexString(a));
    }
}
