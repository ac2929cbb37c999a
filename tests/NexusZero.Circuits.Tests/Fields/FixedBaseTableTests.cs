using NexusZero.Groups.Bn254;

namespace NexusZero.Circuits.Tests.Fields;

/// <summary>The setup's fixed-base tables give the same products as the plain constant-time multiplication.</summary>
public sealed class FixedBaseTableTests
{
    [Fact]
    public void TableProductsEqualPlainProductsInG1AndG2()
    {
        var g1 = new FixedBaseTable<Fp, G1Curve>(Bn254Encoding.G1Generator);
        var g2 = new FixedBaseTable<Fp2, G2Curve>(Bn254Encoding.G2Generator);
        var random = new Random(14);
        Fr[] scalars = [Fr.Zero, Fr.One, -Fr.One, Fr.FromUInt64(16), Fr.FromUInt64(ulong.MaxValue)];
        var bytes = new byte[32];
        foreach (var scalar in scalars.Concat(Enumerable.Range(0, 6).Select(_ =>
        {
            random.NextBytes(bytes);
            return Fr.FromBigEndianReduced(bytes);
        })))
        {
            Assert.Equal(Bn254Encoding.G1Generator.Multiply(scalar), g1.Multiply(scalar));
            Assert.Equal(Bn254Encoding.G2Generator.Multiply(scalar), g2.Multiply(scalar));
        }
    }
}
