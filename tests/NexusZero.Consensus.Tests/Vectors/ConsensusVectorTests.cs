using System.Text.Json;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Vectors;

/// <summary>
/// Known-answer vectors computed by an independent implementation written from docs/formats.md
/// (consensus_oracle.py on pyca/cryptography), and a live cross-check: the oracle verifies certificates
/// this library produces.
/// </summary>
public sealed class ConsensusVectorTests : IDisposable
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "Vectors");
    private readonly JsonElement _vector = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(VectorDirectory, "consensus-v1.json"))).RootElement;
    private readonly Dictionary<string, ISigningKey> _keys = [];
    private readonly ValidatorSet _set;

    public ConsensusVectorTests()
    {
        foreach (var entry in _vector.GetProperty("privateKeys").EnumerateObject())
        {
            _keys[entry.Name] = SignatureSchemes.Default.ImportPrivateKey(Convert.FromHexString(entry.Value.GetString()!));
        }

        var weights = _vector.GetProperty("weights");
        _set = ValidatorSet.Create(_vector.GetProperty("epoch").GetUInt64(), SignatureSchemes.Default,
            _keys.Select(k => new ValidatorMember(k.Key, k.Value.PublicKey.Span, weights.GetProperty(k.Key).GetInt32())));
    }

    [Fact]
    public void PublicKeysAndSetId_MatchTheOracle()
    {
        foreach (var entry in _vector.GetProperty("publicKeys").EnumerateObject())
        {
            Assert.Equal(entry.Value.GetString(), Convert.ToHexStringLower(_keys[entry.Name].PublicKey.Span));
        }

        Assert.Equal(_vector.GetProperty("setId").GetString(), _set.SetIdHex);
    }

    [Fact]
    public void DigestsAndVotePayload_MatchTheOracle()
    {
        var metrics = _vector.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var content = new ProposalContent(_vector.GetProperty("modelId").GetString()!, Hex("envelope"), Hex("output"), metrics);
        var subject = content.ToSubject();
        Assert.Equal(_vector.GetProperty("explanationDigest").GetString(), Convert.ToHexStringLower(subject.ExplanationDigest));
        var digest = Proposal.ComputeDigest(_set.SetId, subject);
        Assert.Equal(_vector.GetProperty("proposalDigest").GetString(), Convert.ToHexStringLower(digest));

        var v = _vector.GetProperty("vote");
        var vote = new Vote(digest, v.GetProperty("validatorId").GetString()!, v.GetProperty("round").GetUInt64(),
            new Score(v.GetProperty("scoreMillionths").GetUInt32()), (Verdict)v.GetProperty("verdict").GetByte(),
            v.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(_vector.GetProperty("voteSigningPayload").GetString(), Convert.ToHexStringLower(vote.GetSigningPayload(_set.SetId)));

        // A signature made by the oracle verifies here; one byte off does not.
        var signature = Hex("voteSignatureByOracle");
        Assert.True(new SignedVote(vote, signature).Verify(_set));
        signature[5] ^= 1;
        Assert.False(new SignedVote(vote, signature).Verify(_set));
    }

    [Fact]
    public async Task Oracle_VerifiesOurCertificates_AndRejectsTamperedOnes()
    {
        var validators = _keys.Select(k => new Validator(_set, k.Key, Cluster.CloneKey(k.Value), [new FixedEvaluator(0.7 + (k.Key[1] - '0') * 0.05, Verdict.Accept)])).ToArray();
        var result = await new InProcessConsensusClient(_set, validators).ProposeAsync(Cluster.Content());
        var bytes = result.Certificate!.ToBytes();
        var directory = Directory.CreateTempSubdirectory("nz-oracle-").FullName;
        try
        {
            var setPath = Path.Combine(directory, "set.json");
            File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(_set));
            Assert.Equal("valid", Oracle("verify", setPath, WriteHex(directory, "good.hex", bytes)));

            var tampered = (byte[])bytes.Clone();
            tampered[^3] ^= 1;
            Assert.StartsWith("invalid", Oracle("verify", setPath, WriteHex(directory, "bad.hex", tampered)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            foreach (var v in validators)
            {
                v.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private byte[] Hex(string name) => Convert.FromHexString(_vector.GetProperty(name).GetString()!);

    private static string WriteHex(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, Convert.ToHexStringLower(bytes));
        return path;
    }

    private static string Oracle(params string[] args)
    {
        var script = Path.Combine(VectorDirectory, "consensus_oracle.py");
        (int ExitCode, string Output, string Error) run;
        try
        {
            run = ProcessRunner.Run("python3", TimeSpan.FromSeconds(60), [script, .. args]);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("python3 is required for the consensus cross-check; run .ci/deps/consensus.sh.", ex);
        }

        Assert.True(run.ExitCode == 0, $"The oracle failed (is python3-cryptography installed? run .ci/deps/consensus.sh): {run.Error}");
        return run.Output.Trim();
    }
}
