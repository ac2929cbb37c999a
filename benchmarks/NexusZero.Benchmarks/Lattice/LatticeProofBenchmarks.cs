using BenchmarkDotNet.Attributes;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Benchmarks.Lattice;

/// <summary>Key-possession (ML-DSA-65) and 4×4 Module-LWE relation proofs, and parameter selection.</summary>
[MemoryDiagnoser]
public class LatticeProofBenchmarks
{
    private static readonly byte[] Context = "benchmark"u8.ToArray();
    private MLDsaPrivateKey _key = null!;
    private KeyPossessionStatement _possession = null!;
    private KeyPossessionWitness _possessionWitness = null!;
    private byte[] _possessionProof = [];
    private ModuleLweStatement _relation = null!;
    private ModuleLweWitness _relationWitness = null!;
    private ParameterSet _relationParameters = null!;
    private byte[] _relationProof = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = MLDsaScheme.MLDsa65.GenerateKey(new byte[32]);
        _possession = new KeyPossessionStatement(_key.PublicKey);
        _possessionWitness = new KeyPossessionWitness(_key);
        _possessionProof = LatticeKeyPossessionProofSystem.Instance.Prove(_possession, _possessionWitness, KeyPossessionParameters.MLDsa65, Context);
        (_relation, _relationWitness) = ModuleLweInstance.FromSeed(new byte[32], 4, 4, 2);
        _relationParameters = ModuleLweProofSystem.Instance.SelectDefaultParameters(_relation, 128);
        _relationProof = ModuleLweProofSystem.Instance.Prove(_relation, _relationWitness, _relationParameters, Context);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _possessionWitness.Dispose();
        _relationWitness.Dispose();
        _key.Dispose();
    }

    [Benchmark]
    public byte[] KeyPossessionProve() =>
        LatticeKeyPossessionProofSystem.Instance.Prove(_possession, _possessionWitness, KeyPossessionParameters.MLDsa65, Context);

    [Benchmark]
    public bool KeyPossessionVerify() =>
        LatticeKeyPossessionProofSystem.Instance.Verify(_possession, _possessionProof, KeyPossessionParameters.MLDsa65, Context).IsValid;

    [Benchmark]
    public byte[] RelationProve4x4() =>
        ModuleLweProofSystem.Instance.Prove(_relation, _relationWitness, _relationParameters, Context);

    [Benchmark]
    public bool RelationVerify4x4() =>
        ModuleLweProofSystem.Instance.Verify(_relation, _relationProof, _relationParameters, Context).IsValid;

    [Benchmark]
    public ModuleLweParameterChoice SelectParameters4x4() => ModuleLweParameterSelector.Select(4, 4, 2, 128);
}
