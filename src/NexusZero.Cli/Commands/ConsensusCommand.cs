using NexusZero.IO;
using System.CommandLine;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Keys;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero consensus verify CERT --validators FILE</c>: checks a quorum certificate offline.
/// Exit 0 valid, 1 invalid, 2 malformed certificate or validator-set file.
/// </summary>
internal static class ConsensusCommand
{
    public static Command Create()
    {
        var certificate = new Argument<FileInfo>("CERT") { Description = "The quorum certificate (binary, docs/formats.md)." };
        var validators = new Option<FileInfo>("--validators") { Description = "The validator-set file (JSON) the certificate claims.", Required = true };
        var verify = new Command("verify", "Verify a quorum certificate against a validator set, offline.") { certificate, validators };
        verify.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var certificatePath = parseResult.GetValue(certificate)!;
            if (certificatePath.Exists && certificatePath.Length > QuorumCertificate.MaxEncodedBytes)
            {
                error.WriteLine($"nexuszero: certificate: larger than {QuorumCertificate.MaxEncodedBytes} bytes.");
                return ExitCodes.UsageOrMalformed;
            }

            var set = ValidatorSetFile.Load(parseResult.GetValue(validators)!.FullName).ValidatorSet;
            if (!QuorumCertificate.TryParse(BoundedFile.ReadAllBytes(certificatePath.FullName, QuorumCertificate.MaxEncodedBytes, "certificate file"), out var parsed, out var malformed))
            {
                error.WriteLine($"nexuszero: malformed certificate: {malformed}");
                return ExitCodes.UsageOrMalformed;
            }

            var result = CertificateVerifier.Verify(parsed!, set);
            if (!result.IsValid)
            {
                output.WriteLine($"invalid ({result.Failure}): {result.Reason}");
                return ExitCodes.Invalid;
            }

            output.WriteLine($"valid: {parsed!.Verdict.ToString().ToLowerInvariant()} score {parsed.AggregateScore} round {parsed.Round} model {parsed.Subject.ModelId} votes {parsed.Votes.Count} commits {parsed.CommitSignatures.Count} set {set.SetIdHex}");
            return ExitCodes.Success;
        });

        return new Command("consensus", "Quorum certificates from NexusZero.Consensus.") { verify };
    }
}
