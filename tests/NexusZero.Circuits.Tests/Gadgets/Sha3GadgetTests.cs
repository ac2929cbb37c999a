using System.Text;
using NexusZero.Circuits.Gadgets;
using NexusZero.Hashing;

namespace NexusZero.Circuits.Tests.Gadgets;

/// <summary>The SHA3-256 gadget against FIPS 202 example vectors and the project's own SHA3-256, and its soundness.</summary>
public sealed class Sha3GadgetTests
{
    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void Fips_202_examples(string message, string digest)
    {
        var (circuit, actual) = Build(Encoding.ASCII.GetBytes(message));
        GadgetKit.AssertSatisfied(circuit);
        Assert.Equal(digest, Convert.ToHexStringLower(actual));
    }

    [Fact]
    public void The_1600_bit_example_spans_two_blocks()
    {
        // NIST's SHA3-256 example for 200 bytes of 0xA3 (the block boundary falls inside the message).
        var message = Enumerable.Repeat((byte)0xA3, 200).ToArray();
        var (circuit, actual) = Build(message);
        GadgetKit.AssertSatisfied(circuit);
        Assert.Equal("79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787", Convert.ToHexStringLower(actual));
    }

    [Fact]
    public void Random_messages_at_the_rate_boundary_match_the_sponge()
    {
        var random = new Random(202);
        // 135 bytes pad within one block (suffix and final bit in one byte); 136 need a second block of padding alone.
        foreach (var length in new[] { 135, 136 })
        {
            var message = new byte[length];
            random.NextBytes(message);
            var (circuit, actual) = Build(message);
            GadgetKit.AssertSatisfied(circuit);
            var expected = new byte[32];
            Sha3_256.HashWithOwnSponge(message, expected);
            Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(actual));
        }
    }

    [Fact]
    public void One_block_costs_about_150000_constraints_and_setup_needs_no_message()
    {
        var setup = CircuitBuilder.ForSetup();
        var (high, low) = Sha256Gadget.Pack(setup.Sha3_256(setup.MessageBits(default, 32)));
        setup.PublicOutput("high", high);
        setup.PublicOutput("low", low);
        var system = setup.Build().System;
        Assert.InRange(system.ConstraintCount, 140_000, 155_000);

        var (proving, _) = Build(new byte[32]);
        Assert.Equal(proving.System.ComputeDigest(), system.ComputeDigest());
    }

    [Fact]
    public void A_wrong_digest_or_a_tampered_intermediate_value_fails()
    {
        var (circuit, _) = Build(Encoding.ASCII.GetBytes("abc"));
        var witness = circuit.CopyWitness();

        var wrongDigest = (FieldElement[])witness.Clone();
        wrongDigest[2] += FieldElement.One;
        Assert.False(circuit.System.IsSatisfied(wrongDigest).IsSatisfied);

        // Flipping a single internal value (a message bit, a product, a parity decomposition bit) is caught.
        var random = new Random(1600);
        for (var trial = 0; trial < 12; trial++)
        {
            var tampered = (FieldElement[])witness.Clone();
            var index = 3 + random.Next(tampered.Length - 3);
            tampered[index] = tampered[index].IsZero ? FieldElement.One : FieldElement.Zero;
            Assert.False(circuit.System.IsSatisfied(tampered).IsSatisfied, $"witness {index} changed");
        }
    }

    [Fact]
    public void Lengths_are_checked()
    {
        var builder = CircuitBuilder.ForProving();
        Assert.Throws<ArgumentException>(() => builder.Sha3_256(new LinearCombination[7]));
        Assert.Throws<ArgumentException>(() => builder.Sha3_256(new LinearCombination[8 * (Sha3Gadget.MaxMessageBytes + 1)]));
    }

    /// <summary>The circuit with the packed digest as public outputs, and the digest bytes its witness computes.</summary>
    private static (BuiltCircuit Circuit, byte[] Digest) Build(byte[] message)
    {
        var builder = CircuitBuilder.ForProving();
        var digest = builder.Sha3_256(builder.MessageBits(message, message.Length));
        var (high, low) = Sha256Gadget.Pack(digest);
        builder.PublicOutput("high", high);
        builder.PublicOutput("low", low);
        var bytes = new byte[32];
        for (var i = 0; i < 256; i++)
        {
            var bit = builder.ValueOf(digest[i]).IsZero ? 0 : 1;
            bytes[i / 8] |= (byte)(bit << (7 - (i % 8)));
        }

        return (builder.Build(), bytes);
    }
}
