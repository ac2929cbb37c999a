using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Tests.Node;

/// <summary>
/// What the validator-node tests hand a node process: two small MLPs, one with public and one with private weights,
/// their verifying keys written as verification_key.json files, an honest proof of one input for each, and a
/// one-member validator set (quorum 1) with its key file. Made once for the class.
/// </summary>
public sealed class NodeModels : IDisposable
{
    public NodeModels()
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var input = TestModels.Inputs(1, 4, seed: 23)[0];

        var publicModel = ModelQuantizer.Quantize(OnnxModelImporter.Import(TestModels.Mlp(seed: 1)));
        var publicKeys = InferenceCircuitKeys.CreateWithLocalSetup(publicModel);
        PublicCommitment = publicModel.Commitment.ToArray();
        PublicProof = api.ProveInference(publicKeys, input);
        PublicSubject = new InferenceSubject(PublicCommitment, PublicProof.Claim);
        PublicKeyPath = WriteKey("public.vk.json", publicKeys.VerifyingKey);

        var privateModel = ModelQuantizer.Quantize(OnnxModelImporter.Import(TestModels.Mlp(seed: 5)));
        var privateKeys = InferenceCircuitKeys.CreateWithLocalSetup(privateModel, WeightVisibility.Private);
        using (var opening = PrivateWeightsOpening.Create(privateModel))
        {
            WeightsCommitment = opening.CommitmentBytes();
            PrivateProof = api.ProveInference(privateKeys, input, new InferenceProofOptions { Weights = opening });
        }

        PrivateSubject = InferenceSubject.ForPrivateWeights(PrivateProof.Claim);
        PrivateKeyPath = WriteKey("private.vk.json", privateKeys.VerifyingKey);

        using var key = SignatureSchemes.Default.GenerateKey();
        Set = ValidatorSet.Create(1, SignatureSchemes.Default, [new ValidatorMember("v0", key.PublicKey.Span)]);
        ValidatorKeyPath = Path.Combine(Folder, "v0.key.json");
        ValidatorKeyFile.Save(ValidatorKeyPath, "v0", key);
        SetPath = Path.Combine(Folder, "set.json");
        File.WriteAllBytes(SetPath, ValidatorSetFile.Serialize(Set));
    }

    /// <summary>A temporary directory for the files; removed with the fixture.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("nz-node-inference-").FullName;

    public byte[] PublicCommitment { get; }

    public InferenceProof PublicProof { get; }

    public InferenceSubject PublicSubject { get; }

    public string PublicKeyPath { get; }

    public byte[] WeightsCommitment { get; }

    public InferenceProof PrivateProof { get; }

    public InferenceSubject PrivateSubject { get; }

    public string PrivateKeyPath { get; }

    public ValidatorSet Set { get; }

    public string ValidatorKeyPath { get; }

    public string SetPath { get; }

    /// <summary>An explanation of output 0 whose fidelity passes the node's default --min-metrics.</summary>
    public static ReceiptExplanation Explanation { get; } =
        new("shap-kernel", 0, 0.3, ["x0", "x1", "x2", "x3"], [0.1, -0.2, 0.05, 0.0], new Dictionary<string, double> { ["fidelity"] = 0.9 });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string WriteKey(string name, Groth16VerifyingKey key)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, SnarkjsJson.WriteVerifyingKey(key));
        return path;
    }
}
