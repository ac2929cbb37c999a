using System.Security.Cryptography;
using System.Text;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Circuits.Tests.Gadgets;

/// <summary>The SHA-256 gadget against FIPS 180-4's examples and .NET's SHA-256, and its soundness.</summary>
public sealed class Sha256GadgetTests
{
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Fips_180_4_examples(string message, string digest)
    {
        var (circuit, bits) = Build(Encoding.ASCII.GetBytes(message));
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        Assert.Equal(digest, Hex(circuit, bits));
    }

    [Fact]
    public void Random_messages_at_and_around_block_boundaries_match_dotnet()
    {
        var random = new Random(180_4);
        foreach (var length in new[] { 1, 31, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200 })
        {
            var message = new byte[length];
            random.NextBytes(message);
            var (circuit, bits) = Build(message);
            Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied, $"length {length}");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(message)), Hex(circuit, bits));
        }
    }

    [Fact]
    public void One_block_costs_under_28000_constraints_and_setup_needs_no_message()
    {
        var setup = CircuitBuilder.ForSetup();
        var digest = setup.Sha256(setup.MessageBits(default, 32));
        var (high, low) = Sha256Gadget.Pack(digest);
        setup.PublicOutput("high", high);
        setup.PublicOutput("low", low);
        var system = setup.Build().System;
        Assert.InRange(system.ConstraintCount, 20_000, 28_000);

        var (proving, _) = Build(new byte[32]);
        Assert.Equal(proving.System.ComputeDigest(), system.ComputeDigest());
    }

    [Fact]
    public void A_wrong_digest_or_a_tampered_intermediate_value_fails()
    {
        var (circuit, _) = Build(Encoding.ASCII.GetBytes("abc"));
        var witness = circuit.CopyWitness();

        // The public outputs are the packed digest: claiming another digest breaks its constraint.
        var wrongDigest = (FieldElement[])witness.Clone();
        wrongDigest[1] += FieldElement.One;
        Assert.False(circuit.System.IsSatisfied(wrongDigest).IsSatisfied);

        // Flipping any single internal value (a message bit, a product, a carry bit) is caught.
        var random = new Random(7);
        for (var trial = 0; trial < 40; trial++)
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
        Assert.Throws<ArgumentException>(() => builder.MessageBits(new byte[3], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.MessageBits(new byte[5000], 5000));
        Assert.Throws<ArgumentException>(() => builder.Sha256(new LinearCombination[7]));
        Assert.Throws<ArgumentException>(() => Sha256Gadget.Pack(new LinearCombination[255]));
    }

    private static (BuiltCircuit Circuit, LinearCombination[] Digest) Build(byte[] message)
    {
        var builder = CircuitBuilder.ForProving();
        var digest = builder.Sha256(builder.MessageBits(message, message.Length));
        var (high, low) = Sha256Gadget.Pack(digest);
        builder.PublicOutput("high", high);
        builder.PublicOutput("low", low);
        var values = digest.Select(builder.ValueOf).ToArray();
        return (builder.Build(), digest.Select((_, i) => LinearCombination.Constant(values[i])).ToArray());
    }

    private static string Hex(BuiltCircuit circuit, LinearCombination[] digest)
    {
        _ = circuit;
        var bytes = new byte[32];
        for (var i = 0; i < 256; i++)
        {
            var bit = digest[i].Terms.Length == 0 ? 0 : (digest[i].Terms[0].Coefficient.IsZero ? 0 : 1);
            bytes[i / 8] |= (byte)(bit << (7 - (i % 8)));
        }

        return Convert.ToHexStringLower(bytes);
    }
}
