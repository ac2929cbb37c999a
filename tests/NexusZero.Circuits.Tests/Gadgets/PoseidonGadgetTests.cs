using System.Text.Json;
using NexusZero.Circuits.Gadgets;
using NexusZero.Circuits.Tests.Groth16;

namespace NexusZero.Circuits.Tests.Gadgets;

/// <summary>Poseidon natively and in the circuit against circomlibjs, and the Merkle path gadget over it.</summary>
public sealed class PoseidonGadgetTests
{
    [Fact]
    public void Poseidon_of_1_and_2_is_circomlibs()
    {
        Assert.Equal(
            FieldElement.FromBigEndian(Convert.FromHexString("115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189a")),
            Poseidon.Hash(FieldElement.FromUInt64(1), FieldElement.FromUInt64(2)));
    }

    [Fact]
    public void Random_inputs_of_every_width_match_circomlibjs_natively_and_in_the_circuit()
    {
        var random = new Random(2021);
        var cases = new List<FieldElement[]>();
        for (var n = 1; n <= Poseidon.MaxInputs; n++)
        {
            for (var k = 0; k < 3; k++)
            {
                cases.Add([.. Enumerable.Range(0, n).Select(_ => RandomElement(random))]);
            }
        }

        var file = Path.Combine(Path.GetTempPath(), $"nz-poseidon-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(cases.Select(c => c.Select(x => x.ToString()).ToArray())));
            var expected = SnarkjsOracle.Run("poseidon", file).Split('\n').Select(line => FieldElement.Parse(line.Trim())).ToArray();
            Assert.Equal(cases.Count, expected.Length);
            for (var i = 0; i < cases.Count; i++)
            {
                Assert.Equal(expected[i], Poseidon.Hash(cases[i]));
                var builder = CircuitBuilder.ForProving();
                var inputs = cases[i].Select(x => (LinearCombination)builder.Witness(x)).ToArray();
                var digest = builder.Poseidon(inputs);
                builder.PublicOutput("digest", digest);
                var circuit = builder.Build();
                Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
                Assert.Equal(expected[i], circuit.PublicValues[0]);
                Assert.Equal(3 * ((8 * (cases[i].Length + 1)) + new[] { 56, 57, 56, 60 }[cases[i].Length - 1]) + 1, circuit.System.ConstraintCount);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_wrong_digest_or_tampered_round_fails()
    {
        var builder = CircuitBuilder.ForProving();
        var digest = builder.Poseidon(builder.Witness(FieldElement.FromUInt64(1)), builder.Witness(FieldElement.FromUInt64(2)));
        builder.PublicOutput("digest", digest);
        var circuit = builder.Build();
        var witness = circuit.CopyWitness();
        for (var index = 1; index < witness.Length; index++)
        {
            var tampered = (FieldElement[])witness.Clone();
            tampered[index] += FieldElement.One;
            Assert.False(circuit.System.IsSatisfied(tampered).IsSatisfied, $"witness {index} changed");
        }

        Assert.Throws<ArgumentException>(() => Poseidon.Hash());
        Assert.Throws<ArgumentException>(() => Poseidon.Hash(new FieldElement[5]));
    }

    [Fact]
    public void Merkle_paths_reach_the_native_root_and_wrong_paths_do_not()
    {
        var random = new Random(5);
        const int depth = 4;
        var leaf = RandomElement(random);
        var siblings = Enumerable.Range(0, depth).Select(_ => RandomElement(random)).ToArray();
        bool[] path = [true, false, false, true];
        var root = MerklePathGadget.Root(leaf, siblings, path);

        var circuit = BuildPath(leaf, siblings, path.Select(b => b ? FieldElement.One : FieldElement.Zero).ToArray(), root);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);

        // A wrong sibling, a flipped bit, or a non-boolean bit (2) cannot reach the same root.
        var wrongSibling = (FieldElement[])siblings.Clone();
        wrongSibling[2] += FieldElement.One;
        Assert.False(BuildPath(leaf, wrongSibling, Bits(path), root).System.IsSatisfied(BuildPath(leaf, wrongSibling, Bits(path), root).Witness).IsSatisfied);
        var flipped = Bits(path);
        flipped[1] = FieldElement.One;
        var flippedCircuit = BuildPath(leaf, siblings, flipped, root);
        Assert.False(flippedCircuit.System.IsSatisfied(flippedCircuit.Witness).IsSatisfied);
        var twos = Bits(path);
        twos[0] = FieldElement.FromUInt64(2);
        var twoCircuit = BuildPath(leaf, siblings, twos, root);
        Assert.False(twoCircuit.System.IsSatisfied(twoCircuit.Witness).IsSatisfied);
    }

    private static FieldElement[] Bits(bool[] path) => [.. path.Select(b => b ? FieldElement.One : FieldElement.Zero)];

    private static BuiltCircuit BuildPath(FieldElement leaf, FieldElement[] siblings, FieldElement[] bits, FieldElement root)
    {
        var builder = CircuitBuilder.ForProving();
        var rootInput = builder.PublicInput("root", root);
        var computed = builder.Root(
            builder.Witness(leaf),
            siblings.Select(s => (LinearCombination)builder.Witness(s)).ToArray(),
            bits.Select(b => (LinearCombination)builder.Witness(b)).ToArray());
        builder.AssertEqual(computed, rootInput, "merkle root");
        return builder.Build();
    }

    private static FieldElement RandomElement(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        bytes[0] &= 0x1f;
        return FieldElement.FromBigEndian(bytes);
    }
}
