using NexusZero.Circuits;
using NexusZero.Groups.Bn254;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Circuits.Ligero;

namespace NexusZero.Circuits.Tests.Ligero;

/// <summary>
/// Structural zero knowledge: x·x = y has two witnesses, 3 and −3, for y = 9. Across many proofs of each, the opened
/// cells of the data rows (the ones that carry the witness) are uniformly distributed and indistinguishable between
/// the two witnesses, and repeated proofs of one witness share nothing.
/// </summary>
public sealed class LigeroZeroKnowledgeTests
{
    private static BuiltCircuit Square(FieldElement x)
    {
        var b = CircuitBuilder.ForProving();
        var secret = b.Witness(x);
        var y = b.PublicInput("y", x * x);
        b.AssertEqual(b.Multiply(secret, secret), y, "square");
        return b.Build();
    }

    [Fact]
    public void OpenedWitnessCellsAreUniformForEitherWitness()
    {
        var parameters = LigeroParameters.Bits100;
        var plus = Square(FieldElement.FromUInt64(3));
        var minus = Square(-FieldElement.FromUInt64(3));
        Assert.Equal(plus.PublicValues, minus.PublicValues);
        var statement = new CircuitStatement(plus.System, plus.PublicValues);
        var layout = LigeroLayout.For(plus.System, parameters)!;

        var histograms = new[] { new int[16], new int[16] };
        var firstRoots = new HashSet<string>();
        for (var proofIndex = 0; proofIndex < 12; proofIndex++)
        {
            for (var w = 0; w < 2; w++)
            {
                var circuit = w == 0 ? plus : minus;
                using var witness = new CircuitAssignment(circuit.System, circuit.Witness);
                var proof = LigeroProofSystem.Instance.Prove(statement, witness, parameters, []);
                Assert.True(LigeroProofSystem.Instance.Verify(statement, proof, parameters, []).IsValid);
                Assert.True(firstRoots.Add(Convert.ToHexString(proof, 0, 32)), "two proofs share a commitment");
                foreach (var cell in OpenedDataCells(layout, proof))
                {
                    // The low four bits of the canonical value: uniform for a uniform element up to 2^-250.
                    histograms[w][cell[31] & 0x0f]++;
                }
            }
        }

        foreach (var histogram in histograms)
        {
            Assert.True(ChiSquare(histogram) < 45, $"not uniform: chi² = {ChiSquare(histogram):F1} over 15 degrees of freedom");
        }

        // The two witnesses' histograms are also close to each other (two-sample chi-square).
        var between = 0.0;
        for (var bin = 0; bin < 16; bin++)
        {
            var a = histograms[0][bin];
            var b = histograms[1][bin];
            between += (a - b) * (double)(a - b) / Math.Max(1, a + b);
        }

        Assert.True(between < 45, $"witnesses distinguishable: chi² = {between:F1}");
    }

    private static IEnumerable<byte[]> OpenedDataCells(LigeroLayout layout, byte[] proof)
    {
        var start = 32 + (32 * (layout.D + layout.D + layout.QuotientLength));
        var queryLength = 32 + (32 * layout.RowCount) + (32 * layout.LogN);
        for (var q = 0; q < layout.Queries; q++)
        {
            for (var row = 0; row < layout.DataRows; row++)
            {
                var offset = start + (q * queryLength) + 32 + (32 * row);
                yield return proof[offset..(offset + 32)];
            }
        }
    }

    private static double ChiSquare(int[] histogram)
    {
        var total = histogram.Sum();
        var expected = total / (double)histogram.Length;
        return histogram.Sum(count => (count - expected) * (count - expected) / expected);
    }
}
