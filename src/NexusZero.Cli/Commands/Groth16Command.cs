using System.CommandLine;
using System.Text;
using NexusZero.Circuits.Circom;
using NexusZero.Diagnostics;
using NexusZero.IO;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero groth16 setup|prove|verify</c>: Groth16 over BN254 with snarkjs's files. setup turns a .r1cs and a
/// .ptau into snarkjs's initial .zkey; prove reads a .zkey and a .wtns and
/// writes proof.json and public.json as snarkjs does; verify checks them against a verification_key.json.
/// Exit 0 valid (or proved), 1 invalid (or a witness that does not satisfy the circuit), 2 malformed input or usage.
/// </summary>
internal static class Groth16Command
{
    public static Command Create() => new("groth16", "Groth16 over BN254, interoperable with snarkjs (.zkey, .wtns, proof.json, public.json, verification_key.json).")
    {
        CreateSetup(),
        CreateContribute(),
        CreateProve(),
        CreateVerify(),
    };

    private static Command CreateSetup()
    {
        var r1cs = new Option<FileInfo>("--r1cs") { Description = "The circuit (.r1cs, as circom writes it).", Required = true };
        var ptau = new Option<FileInfo>("--ptau") { Description = "A Powers of Tau file prepared for phase 2 (.ptau), large enough for the circuit.", Required = true };
        var zkey = new Option<string>("--zkey") { Description = "Where to write the initial .zkey (the same bytes `snarkjs groth16 setup` writes).", Required = true };
        var force = ForceOption.Create();
        var progress = StageProgress.Option();
        var command = new Command("setup", "Create the circuit-specific initial .zkey from a .ptau, as snarkjs groth16 setup does (it still needs a phase-2 contribution).") { r1cs, ptau, zkey, force, progress };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Error, "groth16 setup", () =>
        {
            string target = parse.GetValue(zkey)!;
            bool overwrite = parse.GetValue(force);
            OutputFile.EnsureWritable(target, overwrite, "--zkey");
            var stages = StageProgress.For(parse.InvocationConfiguration.Error, parse.GetValue(progress));
            var system = stages.Stage("reading the .r1cs", () => CircomR1csReader.ReadFile(parse.GetValue(r1cs)!.FullName).System);
            var powers = stages.Stage("opening the .ptau", () => PowersOfTau.ReadFile(parse.GetValue(ptau)!.FullName));
            var bytes = stages.Stage($"computing the key ({system.ConstraintCount} constraints, {system.VariableCount} variables)", () => SnarkjsZkeySetup.Create(system, powers));
            OutputFile.Write(target, overwrite, "--zkey", bytes);
            var key = SnarkjsZkeyReader.Read(bytes);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"setup: {key.VariableCount} variables, {key.PublicCount} public, domain 2^{key.DomainLogSize}, circuit hash {Convert.ToHexStringLower(key.CircuitHash.Span)}");
            output.WriteLine("warning: an initial key (delta = 1) lets anyone with the .ptau forge proofs; add a phase-2 contribution (nexuszero groth16 contribute, or snarkjs zkey contribute) before use.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateContribute()
    {
        var input = new Option<FileInfo>("--zkey") { Description = "The .zkey to contribute to (initial or already contributed).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the contributed .zkey.", Required = true };
        var name = new Option<string?>("--name") { Description = "A contributor name recorded in the key (at most 64 characters)." };
        var force = ForceOption.Create();
        var command = new Command("contribute", "Add a phase-2 contribution with fresh local randomness, as snarkjs zkey contribute does; snarkjs zkey verify accepts the result.") { input, output, name, force };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Error, "groth16 contribute", () =>
        {
            string target = parse.GetValue(output)!;
            bool overwrite = parse.GetValue(force);
            OutputFile.EnsureWritable(target, overwrite, "--out");
            var bytes = BoundedFile.ReadAllBytes(parse.GetValue(input)!.FullName, CircomReadLimits.Default.MaxFileBytes, "--zkey file");
            var (contributed, hash) = SnarkjsZkeyContribution.Contribute(bytes, parse.GetValue(name));
            OutputFile.Write(target, overwrite, "--out", contributed);
            var key = SnarkjsZkeyReader.Read(contributed);
            parse.InvocationConfiguration.Output.WriteLine($"contributed: {key.ContributionCount} contribution(s), contribution hash {Convert.ToHexStringLower(hash)}, verifying key {Convert.ToHexStringLower(key.VerifyingKey.Digest.Span)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateProve()
    {
        var zkey = new Option<FileInfo>("--zkey") { Description = "The proving key (.zkey, as snarkjs writes it).", Required = true };
        var wtns = new Option<FileInfo>("--wtns") { Description = "The witness (.wtns, as circom's witness generator writes it).", Required = true };
        var proof = new Option<string>("--proof") { Description = "Where to write proof.json.", Required = true };
        var publics = new Option<string>("--public") { Description = "Where to write public.json.", Required = true };
        var force = ForceOption.Create();
        var progress = StageProgress.Option();
        var command = new Command("prove", "Prove with a snarkjs .zkey and a circom .wtns; snarkjs groth16 verify accepts the result.") { zkey, wtns, proof, publics, force, progress };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Error, "groth16 prove", () =>
        {
            string proofPath = parse.GetValue(proof)!;
            string publicPath = parse.GetValue(publics)!;
            bool overwrite = parse.GetValue(force);
            if (Path.GetFullPath(proofPath) == Path.GetFullPath(publicPath))
            {
                throw new ArgumentException("--proof and --public name the same file.");
            }

            OutputFile.EnsureWritable(proofPath, overwrite, "--proof");
            OutputFile.EnsureWritable(publicPath, overwrite, "--public");
            var stages = StageProgress.For(parse.InvocationConfiguration.Error, parse.GetValue(progress));
            var key = stages.Stage("reading the .zkey", () => SnarkjsZkeyReader.ReadFile(parse.GetValue(zkey)!.FullName));
            var witness = stages.Stage("reading the .wtns", () => CircomWitnessReader.ReadFile(parse.GetValue(wtns)!.FullName));
            if (witness.Length != key.VariableCount)
            {
                throw new FormatException($"The witness has {witness.Length} values; the .zkey's circuit has {key.VariableCount} variables.");
            }

            var result = stages.Stage($"proving (domain 2^{key.DomainLogSize})", () => SnarkjsZkeyProver.Prove(key, witness));
            OutputFile.Write(proofPath, overwrite, "--proof", Encoding.UTF8.GetBytes(SnarkjsJson.WriteProof(result)));
            OutputFile.Write(publicPath, overwrite, "--public", Encoding.UTF8.GetBytes(SnarkjsJson.WritePublic(witness.AsSpan(1, key.PublicCount).ToArray())));
            parse.InvocationConfiguration.Output.WriteLine($"proved: {key.PublicCount} public signal(s), verifying key {Convert.ToHexStringLower(key.VerifyingKey.Digest.Span)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateVerify()
    {
        var vk = new Option<FileInfo>("--vk") { Description = "verification_key.json, from a source you trust (never from the prover).", Required = true };
        var proof = new Option<FileInfo>("--proof") { Description = "proof.json.", Required = true };
        var publics = new Option<FileInfo>("--public") { Description = "public.json.", Required = true };
        var command = new Command("verify", "Verify a Groth16 proof.json and public.json against a verification_key.json, as snarkjs groth16 verify does.") { vk, proof, publics };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Error, "groth16 verify", () =>
        {
            var key = SnarkjsJson.ReadVerifyingKey(ReadJson(parse.GetValue(vk)!, "--vk"));
            var parsedProof = SnarkjsJson.ReadProof(ReadJson(parse.GetValue(proof)!, "--proof"));
            var inputs = SnarkjsJson.ReadPublic(ReadJson(parse.GetValue(publics)!, "--public"));
            if (inputs.Length != key.PublicInputCount)
            {
                throw new FormatException($"public.json has {inputs.Length} values; the verifying key expects {key.PublicInputCount}.");
            }

            var output = parse.InvocationConfiguration.Output;
            var verdict = Groth16Verifier.Verify(key, inputs, parsedProof);
            string digest = Convert.ToHexStringLower(key.Digest.Span);
            if (!verdict.IsValid)
            {
                output.WriteLine($"invalid: {verdict.Reason} (verifying key {digest})");
                return ExitCodes.Invalid;
            }

            output.WriteLine($"valid: {inputs.Length} public signal(s), verifying key {digest}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string ReadJson(FileInfo file, string option) =>
        BoundedFile.ReadAllText(file.FullName, SnarkjsJson.MaxJsonBytes, option + " file");

    private static int Run(TextWriter error, string name, Func<int> body) => CommandBody.Run(error, name, body);
}
