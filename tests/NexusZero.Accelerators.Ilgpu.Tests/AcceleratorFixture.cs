using System.Security.Cryptography;
using NexusZero.Groups.Bn254;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>
/// The backend the kernel tests run on: CUDA when NEXUSZERO_TEST_ACCELERATOR=cuda (the device script sets it, and the
/// tests then fail if no CUDA device is found), else ILGPU's CPU accelerator, which runs the same kernels on CPU threads.
/// </summary>
public sealed class AcceleratorFixture : IDisposable
{
    public AcceleratorFixture()
    {
        var wanted = Environment.GetEnvironmentVariable("NEXUSZERO_TEST_ACCELERATOR");
        Backend = string.Equals(wanted, "cuda", StringComparison.OrdinalIgnoreCase)
            ? IlgpuComputeBackend.TryCreateCuda() ?? throw new InvalidOperationException("NEXUSZERO_TEST_ACCELERATOR=cuda but no CUDA device was found.")
            : IlgpuComputeBackend.CreateCpuAccelerator();
    }

    public IlgpuComputeBackend Backend { get; }

    public void Dispose() => Backend.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AcceleratorCollection : ICollectionFixture<AcceleratorFixture>
{
    public const string Name = "accelerator";
}

/// <summary>Random and edge-case inputs.</summary>
internal static class Inputs
{
    /// <summary>r − 1, the largest scalar.</summary>
    public static readonly Fr MaxScalar = -Fr.One;

    public static Fr RandomFr()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Fr.FromBigEndianReduced(bytes);
    }

    public static Fr[] RandomFrs(int count)
    {
        var values = new Fr[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = RandomFr();
        }

        return values;
    }

    /// <summary>Random multiples of the generator, with Z ≠ 1 (each doubled once more) so the projective form is exercised.</summary>
    public static G1Point[] RandomPoints(int count)
    {
        var points = new G1Point[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = Bn254Encoding.G1Generator.Multiply(RandomFr()).Double();
        }

        return points;
    }
}
