using System.CommandLine;
using System.Text;
using NexusZero.Circuits.Circom;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero circuit prove|verify</c>: any circom circuit (.r1cs and .wtns) under the post-quantum backend (Ligero:
/// transparent, no setup). prove writes a NexusZero proof envelope; verify checks it against the circuit the verifier
/// trusts, exactly as <c>nexuszero verify FILE --r1cs C.r1cs</c> does. Groth16 proofs of circom circuits go through
/// <c>nexuszero groth16</c>, which speaks snarkjs's files. Exit 0 valid (or proved), 1 invalid (or a witness that does
/// not satisfy the circuit), 2 malformed input or usage.
/// </summary>
internal static class CircuitCommand
{
    public static Command Create() => new("circuit", "Prove and verify circom circuits (.r1cs, .wtns) with the post-quantum backend (Ligero, no setup).")
    {
        CreateProve(),
        CreateVerify(),
    };

    private static Command CreateProve()
    {
        var r1cs = new Option<FileInfo>("--r1cs") { Description = "The circuit (.r1cs, as circom writes it).", Required = true };
        var wtns = new Option<FileInfo>("--wtns") { Description = "The witness (.wtns, as circom's witness generator writes it).", Required = true };
        var backend = CircuitCliValues.BackendOption("pq", "pq", "groth16");
        var context = ProveOptions.Context();
        var output = ProveOptions.Out();
        var force = ForceOption.Create();
        var progress = StageProgress.Option();
        var command = new Command("prove", "Prove that a circom witness satisfies a circom circuit; writes a proof envelope.") { r1cs, wtns, backend, context, output, force, progress };
        command.SetAction(parse => CommandBody.Run(parse.InvocationConfiguration.Error, "circuit prove", () =>
        {
            if (CircuitCliValues.Backend(parse.GetRequiredValue(backend)) == CircuitBackend.Groth16)
            {
                throw new ArgumentException("--backend groth16: a Groth16 proof needs the circuit's proving key; use nexuszero groth16 setup, contribute and prove (snarkjs's .zkey, proof.json, public.json).");
            }

            string target = parse.GetRequiredValue(output);
            bool overwrite = parse.GetValue(force);
            OutputFile.EnsureWritable(target, overwrite, "--out");
            var stages = StageProgress.For(parse.InvocationConfiguration.Error, parse.GetValue(progress));
            var system = stages.Stage("reading the .r1cs", () => CircomR1csReader.ReadFile(parse.GetValue(r1cs)!.FullName).System);
            var witness = stages.Stage("reading the .wtns", () => CircomWitnessReader.ReadFile(parse.GetValue(wtns)!.FullName));
            try
            {
                if (witness.Length != system.VariableCount)
                {
                    throw new FormatException($"The witness has {witness.Length} values; the .r1cs has {system.VariableCount} wires.");
                }

                var api = new NexuszeroApi(ProtocolConfig.Default());
                var contextBytes = Encoding.UTF8.GetBytes(parse.GetValue(context) ?? "");
                var result = stages.Stage($"proving (post-quantum, {system.ConstraintCount} constraints, {system.VariableCount} wires)", () => api.ProveCircuit(system, witness, CircuitBackend.PostQuantum, context: contextBytes));
                var bytes = result.ToBytes();
                OutputFile.Write(target, overwrite, "--out", bytes);
                var writer = parse.InvocationConfiguration.Output;
                writer.WriteLine($"circuit:        {system.ConstraintCount} constraints, {system.PublicCount} public values, digest {Convert.ToHexStringLower(system.ComputeDigest())}");
                writer.WriteLine($"verify with:    nexuszero circuit verify {target} --r1cs {parse.GetValue(r1cs)!.FullName}");
                LatticeCliInput.WriteSummary(writer, result, bytes.Length, target);
                return ExitCodes.Success;
            }
            finally
            {
                // The witness holds the circuit's private values.
                Array.Clear(witness);
            }
        }));
        return command;
    }

    private static Command CreateVerify()
    {
        var file = new Argument<string>("FILE") { Description = "The proof envelope to verify." };
        var r1cs = new Option<FileInfo>("--r1cs") { Description = "The circuit (.r1cs) from a source you trust (never from the prover).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("verify", "Verify a post-quantum circuit proof against the circuit you trust (same as nexuszero verify FILE --r1cs C.r1cs).") { file, r1cs, json };
        command.SetAction(parse => CommandBody.Run(parse.InvocationConfiguration.Error, "circuit verify", () =>
            VerifyCommand.Run(parse.GetRequiredValue(file), parse.GetValue(json), VerifyCommand.DefaultMinimumSecurity, verifyingKey: null, parse.GetValue(r1cs), preimage: null, parse.InvocationConfiguration.Output)));
        return command;
    }
}
