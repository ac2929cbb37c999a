using NexusZero.Compute;
using NexusZero.Groups.Bn254;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>The Fr NTT kernels against <see cref="FrDomain"/>, bit for bit, for every transform kind.</summary>
[Collection(AcceleratorCollection.Name)]
public sealed class FrNttKernelTests(AcceleratorFixture fixture)
{
    public static TheoryData<int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var kind in Enum.GetValues<FrTransform>())
        {
            foreach (var (log, batch) in new[] { (0, 2), (1, 1), (3, 3), (6, 1), (9, 2) })
            {
                data.Add(log, batch, (int)kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RandomVectorsMatchTheCpu(int logSize, int batch, int kind)
    {
        var domain = new FrDomain(logSize);
        var input = Inputs.RandomFrs(batch * domain.Size);
        AssertMatches(domain, input, (FrTransform)kind);
    }

    [Theory]
    [InlineData((int)FrTransform.Forward)]
    [InlineData((int)FrTransform.CosetInverse)]
    public void EdgeValuesMatchTheCpu(int kind)
    {
        // Zeros, ones and r − 1 (the largest reduced value), one vector each.
        var domain = new FrDomain(4);
        var input = new Fr[3 * domain.Size];
        input.AsSpan(domain.Size, domain.Size).Fill(Fr.One);
        input.AsSpan(2 * domain.Size, domain.Size).Fill(Inputs.MaxScalar);
        AssertMatches(domain, input, (FrTransform)kind);
    }

    [Fact]
    public void ForwardThenInverseIsTheIdentity()
    {
        var domain = new FrDomain(5);
        var input = Inputs.RandomFrs(domain.Size);
        var values = (Fr[])input.Clone();
        fixture.Backend.TransformFr(domain, values, FrTransform.CosetForward);
        fixture.Backend.TransformFr(domain, values, FrTransform.CosetInverse);
        Assert.Equal(input, values);
    }

    [Fact]
    public void ABatchThatIsNotWholeVectorsIsRejected() =>
        Assert.Throws<ArgumentException>(() => fixture.Backend.TransformFr(new FrDomain(3), new Fr[12], FrTransform.Forward));

    private void AssertMatches(FrDomain domain, Fr[] input, FrTransform kind)
    {
        var expected = (Fr[])input.Clone();
        ComputeBackend.Cpu.TransformFr(domain, expected, kind);
        var actual = (Fr[])input.Clone();
        fixture.Backend.TransformFr(domain, actual, kind);
        for (var i = 0; i < expected.Length; i++)
        {
            // Fully reduced Montgomery residues: equal values have equal limbs.
            Assert.Equal(expected[i].MontgomeryLimbs, actual[i].MontgomeryLimbs);
        }
    }
}
