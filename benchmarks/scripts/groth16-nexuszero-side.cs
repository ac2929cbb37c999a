#:project ../../src/NexusZero/NexusZero.csproj
#:property PublishAot=false
// Side-by-side Groth16 timing, NexusZero half (run by groth16-vs-snarkjs.sh): proves with the same .zkey and .wtns
// snarkjs used (SnarkjsZkeyProver, which also verifies each proof before returning it) and verifies with the same
// verification_key.json; prints "nexuszero <prove ms> <verify ms>" (medians of the given rounds, wall clock).
// Run: dotnet run -c Release benchmarks/scripts/groth16-nexuszero-side.cs <dir> [rounds]
using System.Diagnostics;
using NexusZero.Circuits.Circom;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

string dir = args[0];
int rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
var key = SnarkjsZkeyReader.ReadFile(Path.Combine(dir, "circuit.zkey"));
var witness = CircomWitnessReader.ReadFile(Path.Combine(dir, "witness.wtns"));
var vk = SnarkjsJson.ReadVerifyingKey(File.ReadAllText(Path.Combine(dir, "verification_key.json")));
var snarkjsProof = SnarkjsJson.ReadProof(File.ReadAllText(Path.Combine(dir, "proof.json")));
var publics = SnarkjsJson.ReadPublic(File.ReadAllText(Path.Combine(dir, "public.json")));

SnarkjsZkeyProver.Prove(key, witness); // warm-up (JIT)
var prove = new List<double>();
for (int i = 0; i < rounds; i++)
{
    var watch = Stopwatch.StartNew();
    SnarkjsZkeyProver.Prove(key, witness);
    prove.Add(watch.Elapsed.TotalMilliseconds);
}

var verify = new List<double>();
for (int i = 0; i < rounds + 1; i++)
{
    var watch = Stopwatch.StartNew();
    if (!Groth16Verifier.Verify(vk, publics, snarkjsProof).IsValid)
    {
        throw new InvalidOperationException("snarkjs's proof did not verify here");
    }

    if (i > 0)
    {
        verify.Add(watch.Elapsed.TotalMilliseconds);
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine(FormattableString.Invariant($"nexuszero {Median(prove):F2} {Median(verify):F3}"));
