using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>The proving-key file: round trip, and a strict reader that refuses every kind of wrong file with a named defect.</summary>
public sealed class Groth16ProvingKeyFileTests
{
    private static readonly Lazy<(BuiltCircuit Circuit, Groth16ProvingKey Key, byte[] File)> Fixture = new(() =>
    {
        var setup = Groth16TestCircuits.Cubic(CircuitBuilder.ForSetup(), 0, 0);
        var key = Groth16DevelopmentSetup.CreateKeys(setup.System);
        return (Groth16TestCircuits.Cubic(CircuitBuilder.ForProving(), 3, 7), key, Groth16ProvingKeyFile.Write(key, setup.System));
    });

    [Fact]
    public void AKeyReadBackProvesUnderTheSameVerifyingKeyAndWritesTheSameBytes()
    {
        var (circuit, key, file) = Fixture.Value;
        Assert.True(Groth16ProvingKeyFile.TryRead(file, circuit.System, out var read, out var error), error);
        Assert.Equal(key.VerifyingKey.Encoded.ToArray(), read.VerifyingKey.Encoded.ToArray());
        Assert.Equal(file, Groth16ProvingKeyFile.Write(read, circuit.System));
        var proof = Groth16Prover.Prove(read, circuit.System, circuit.Witness);
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, circuit.PublicValues, proof).IsValid);
    }

    [Fact]
    public void SaveAndLoadGoThroughAnOwnerOnlyFileAndTryCreateNeverReplacesOne()
    {
        var (circuit, key, file) = Fixture.Value;
        var directory = Directory.CreateTempSubdirectory("nz-pk-");
        try
        {
            var path = Path.Combine(directory.FullName, "cubic.nzpk");
            Assert.True(Groth16ProvingKeyFile.TryCreate(path, key, circuit.System));
            Assert.Equal(file, File.ReadAllBytes(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            var other = Groth16DevelopmentSetup.CreateKeys(circuit.System);
            Assert.False(Groth16ProvingKeyFile.TryCreate(path, other, circuit.System));
            Assert.Equal(key.VerifyingKey.Encoded.ToArray(), Groth16ProvingKeyFile.Load(path, circuit.System).VerifyingKey.Encoded.ToArray());
            Groth16ProvingKeyFile.Save(path, other, circuit.System);
            Assert.Equal(other.VerifyingKey.Encoded.ToArray(), Groth16ProvingKeyFile.Load(path, circuit.System).VerifyingKey.Encoded.ToArray());
            Assert.Single(Directory.GetFiles(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AKeyForAnotherCircuitIsRefusedBeforeAnyPointIsRead()
    {
        var (_, _, file) = Fixture.Value;

        // Same shape, another constant: another digest.
        var builder = CircuitBuilder.ForSetup();
        var input = builder.PublicInput("k", FieldElement.Zero);
        var secret = builder.Witness(FieldElement.Zero);
        var cube = builder.Multiply(builder.Multiply(secret, secret, "x²"), secret, "x³");
        builder.Multiply(secret, input, "x·k");
        builder.PublicOutput("y", cube + secret + FieldElement.FromUInt64(6));
        var other = builder.Build().System;

        Assert.False(Groth16ProvingKeyFile.TryRead(file, other, out _, out var error));
        Assert.Contains("another constraint system", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongMagicCountsLengthChecksumOrPointsAreRefusedWithTheDefectNamed()
    {
        var (circuit, _, file) = Fixture.Value;
        string Refusal(byte[] bytes)
        {
            Assert.False(Groth16ProvingKeyFile.TryRead(bytes, circuit.System, out var key, out var error));
            Assert.Null(key);
            return error;
        }

        byte[] Changed(Action<byte[]> change, bool fixChecksum)
        {
            var copy = (byte[])file.Clone();
            change(copy);
            if (fixChecksum)
            {
                SHA256.HashData(copy.AsSpan(0, copy.Length - 32), copy.AsSpan(copy.Length - 32));
            }

            return copy;
        }

        Assert.Contains("at least", Refusal(file[..20]), StringComparison.Ordinal);
        Assert.Contains("magic", Refusal(Changed(b => b[0] ^= 1, fixChecksum: false)), StringComparison.Ordinal);
        Assert.Contains("variables", Refusal(Changed(b => b[8 + 32 + 1 + 7] ^= 1, fixChecksum: true)), StringComparison.Ordinal);
        Assert.Contains("domain", Refusal(Changed(b => b[8 + 32] ^= 1, fixChecksum: true)), StringComparison.Ordinal);
        Assert.Contains("bytes; this one has", Refusal([.. file, 0]), StringComparison.Ordinal);
        Assert.Contains("bytes; this one has", Refusal(file[..^1]), StringComparison.Ordinal);
        Assert.Contains("checksum", Refusal(Changed(b => b[^40] ^= 1, fixChecksum: false)), StringComparison.Ordinal);

        // A point off the curve (checksum made to match, so the point check itself is what refuses it): the last H point's
        // y coordinate, and the first B2 point's.
        Assert.Contains("H[", Refusal(Changed(b => b[^33] ^= 1, fixChecksum: true)), StringComparison.Ordinal);
        var header = 8 + 32 + 1 + 16;
        var vkLength = 4 + 64 + (3 * 128) + ((circuit.System.PublicCount + 1) * 64);
        var b2 = header + vkLength + (3 * 64) + (2 * circuit.System.VariableCount * 64);
        Assert.Contains("B2[0]", Refusal(Changed(b => b[b2 + 127] ^= 1, fixChecksum: true)), StringComparison.Ordinal);
        Assert.Contains("not below the field modulus", Refusal(Changed(b => b[b2] = 0xff, fixChecksum: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRefusesAFileOfTheWrongSizeBeforeReadingIt()
    {
        var (circuit, _, file) = Fixture.Value;
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. file, .. new byte[1 << 20]]);
            var ex = Assert.Throws<FormatException>(() => Groth16ProvingKeyFile.Load(path, circuit.System));
            Assert.Contains("bytes; this one has", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
