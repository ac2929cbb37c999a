using System.Security.Cryptography;
using NexusZero.Optimization.Onnx;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx.Tests;

/// <summary>Shared fixtures: the shipped model's bytes, a Module-LWE instance and requests for it.</summary>
internal static class Models
{
    public static byte[] Shipped()
    {
        using Stream stream = typeof(OnnxCostModelOptimizer).Assembly.GetManifestResourceStream("NexusZero.Optimization.Onnx.cost-model.onnx")
            ?? throw new InvalidOperationException("the shipped model is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static (ModuleLweStatement Statement, ModuleLweWitness Witness) Instance(int k = 4, int l = 4, int eta = 2) =>
        ModuleLweInstance.FromSeed(SHA256.HashData([(byte)k, (byte)l, (byte)eta]), k, l, eta);

    public static ParameterRequest Request(ModuleLweProofSystem system, int level, int k = 4, int l = 4, int eta = 2)
    {
        (ModuleLweStatement statement, ModuleLweWitness witness) = Instance(k, l, eta);
        witness.Dispose();
        return new ParameterRequest(system, statement, level);
    }
}
