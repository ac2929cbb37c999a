using System.Numerics;
using System.Runtime.Intrinsics;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

/// <summary>The four-lane secp256k1 field arithmetic against BigInteger arithmetic modulo p, lane by lane.</summary>
public sealed class FieldElement4Tests
{
    [Fact]
    public void The_vector_arithmetic_runs_on_this_machine()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane secp256k1 code must be tested here");
    }

    [Fact]
    public void Packing_and_unpacking_round_trip_edge_and_random_values_in_every_lane()
    {
        RequireAvx2();
        var random = new Random(4);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = new BigInteger[4];
            for (var lane = 0; lane < 4; lane++)
            {
                values[lane] = Interesting(random, P, trial + (3 * lane));
            }

            var packed = FieldElement4.FromLanes(Fe(values[0]), Fe(values[1]), Fe(values[2]), Fe(values[3]));
            AssertResultBounds(packed);
            var lanes = Lanes(packed);
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(values[lane], ValueOf(packed, lane));
                Assert.Equal(values[lane], Big(lanes[lane]));
            }
        }
    }

    [Fact]
    public void Multiply_and_square_match_BigInteger_on_edge_and_random_values_in_every_lane()
    {
        RequireAvx2();
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var a = new BigInteger[4];
            var b = new BigInteger[4];
            for (var lane = 0; lane < 4; lane++)
            {
                a[lane] = Interesting(random, P, trial + lane);
                b[lane] = Interesting(random, P, (trial / 8) + (5 * lane) + 1);
            }

            var va = Pack(a);
            var vb = Pack(b);
            var product = va * vb;
            var square = va.Square();
            var chain = (product * square).Pow2K(3);
            AssertResultBounds(product);
            AssertResultBounds(square);
            AssertResultBounds(chain);
            for (var lane = 0; lane < 4; lane++)
            {
                var expectedProduct = Mod(a[lane] * b[lane], P);
                var expectedSquare = Mod(a[lane] * a[lane], P);
                Assert.Equal(expectedProduct, Big(Lanes(product)[lane]));
                Assert.Equal(expectedSquare, Big(Lanes(square)[lane]));
                Assert.Equal(BigInteger.ModPow(expectedProduct * expectedSquare, 8, P), Big(Lanes(chain)[lane]));
            }
        }
    }

    [Fact]
    public void Lazy_inputs_up_to_the_input_bound_multiply_and_square_exactly()
    {
        // Trial 0: every limb of both operands at InputBound − 1 in every lane (the largest columns, the
        // largest top parts, the largest excess of limb 9). Later trials: limbs at the bound in random
        // places, random below it elsewhere, independently per lane.
        RequireAvx2();
        var random = new Random(6);
        for (var trial = 0; trial < 300; trial++)
        {
            var a = RawElement(random, FieldElement4.InputBound, trial == 0);
            var b = RawElement(random, FieldElement4.InputBound, trial == 0 || trial == 1);
            var product = a * b;
            var square = a.Square();
            AssertResultBounds(product);
            AssertResultBounds(square);
            for (var lane = 0; lane < 4; lane++)
            {
                var va = ValueOf(a, lane);
                var vb = ValueOf(b, lane);
                Assert.Equal(Mod(va * vb, P), Big(Lanes(product)[lane]));
                Assert.Equal(Mod(va * va, P), Big(Lanes(square)[lane]));
            }
        }
    }

    [Fact]
    public void The_input_bound_covers_a_sum_of_two_results()
    {
        Assert.True(2 * FieldElement4.ResultBound <= FieldElement4.InputBound);
        Assert.True(2 * FieldElement4.InputBound < (1UL << 32));
    }

    [Fact]
    public void Unpacking_reduces_fully_at_the_limb_maximum_and_at_p()
    {
        RequireAvx2();
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            // Every limb at 2^32 − 1 (the unpacking bound), then random limbs below 2^32.
            var v = RawElement(random, 1UL << 32, trial == 0);
            var lanes = Lanes(v);
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(Mod(ValueOf(v, lane), P), Big(lanes[lane]));
            }
        }

        // Exact 26-bit digits of p, p + 1, 2^256 − 1 and p − 1, one per lane: 0, 1, 2^32 + 976 and p − 1.
        BigInteger[] values = [P, P + 1, BigInteger.Pow(2, 256) - 1, P - 1];
        var digits = new ulong[10][];
        for (var i = 0; i < 10; i++)
        {
            digits[i] = new ulong[4];
            for (var lane = 0; lane < 4; lane++)
            {
                digits[i][lane] = (ulong)((values[lane] >> (26 * i)) & ((BigInteger.One << 26) - 1));
            }
        }

        var edge = FromLimbs(digits);
        var edgeLanes = Lanes(edge);
        for (var lane = 0; lane < 4; lane++)
        {
            Assert.Equal(values[lane], ValueOf(edge, lane));
            Assert.Equal(Mod(values[lane], P), Big(edgeLanes[lane]));
        }
    }

    private static void RequireAvx2() =>
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane secp256k1 code must be tested here");

    private static FieldElement4 Pack(BigInteger[] values) => FieldElement4.FromLanes(Fe(values[0]), Fe(values[1]), Fe(values[2]), Fe(values[3]));

    private static FieldElement[] Lanes(in FieldElement4 v)
    {
        v.ToLanes(out var a, out var b, out var c, out var d);
        return [a, b, c, d];
    }

    private static Vector256<ulong>[] LimbVectors(in FieldElement4 v) => [v.L0, v.L1, v.L2, v.L3, v.L4, v.L5, v.L6, v.L7, v.L8, v.L9];

    private static BigInteger ValueOf(in FieldElement4 v, int lane)
    {
        var limbs = LimbVectors(v);
        var value = BigInteger.Zero;
        for (var i = 0; i < 10; i++)
        {
            value += new BigInteger(limbs[i].GetElement(lane)) << (26 * i);
        }

        return value;
    }

    private static void AssertResultBounds(in FieldElement4 v)
    {
        var limbs = LimbVectors(v);
        for (var lane = 0; lane < 4; lane++)
        {
            for (var i = 0; i < 9; i++)
            {
                Assert.True(limbs[i].GetElement(lane) < FieldElement4.ResultBound, $"limb {i} of lane {lane} is {limbs[i].GetElement(lane):X}");
            }

            Assert.True(limbs[9].GetElement(lane) < (1UL << 22), $"limb 9 of lane {lane} is {limbs[9].GetElement(lane):X}");
        }
    }

    private static FieldElement4 RawElement(Random random, ulong bound, bool atBound)
    {
        var limbs = new ulong[10][];
        for (var i = 0; i < 10; i++)
        {
            limbs[i] = new ulong[4];
            for (var lane = 0; lane < 4; lane++)
            {
                limbs[i][lane] = atBound || random.Next(6) == 0 ? bound - 1 : (ulong)random.NextInt64((long)bound);
            }
        }

        return FromLimbs(limbs);
    }

    private static FieldElement4 FromLimbs(ulong[][] limbs)
    {
        var v = default(FieldElement4);
        v.L0 = Vector256.Create(limbs[0]); v.L1 = Vector256.Create(limbs[1]); v.L2 = Vector256.Create(limbs[2]);
        v.L3 = Vector256.Create(limbs[3]); v.L4 = Vector256.Create(limbs[4]); v.L5 = Vector256.Create(limbs[5]);
        v.L6 = Vector256.Create(limbs[6]); v.L7 = Vector256.Create(limbs[7]); v.L8 = Vector256.Create(limbs[8]);
        v.L9 = Vector256.Create(limbs[9]);
        return v;
    }
}
