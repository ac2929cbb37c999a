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
