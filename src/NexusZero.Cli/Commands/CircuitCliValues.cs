using System.CommandLine;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Cli.Commands;

/// <summary>The names the circuit commands accept for hash functions and backends, in one place.</summary>
internal static class CircuitCliValues
{
    /// <summary><c>--backend groth16|pq</c>.</summary>
    public static Option<string> BackendOption(string defaultValue, params string[] accepted)
    {
        var option = new Option<string>("--backend")
        {
            Description = "The proof system: groth16 (Groth16 over BN254: 256-byte proofs, a trusted setup, ~100 classical bits) or pq (Ligero: post-quantum, no setup, proofs of hundreds of kilobytes).",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(accepted);
        return option;
    }

    /// <summary>The backend a <c>--backend</c> value names.</summary>
    public static CircuitBackend Backend(string name) => name switch
    {
        "groth16" => CircuitBackend.Groth16,
        "pq" => CircuitBackend.PostQuantum,
        _ => throw new ArgumentException($"--backend: unknown backend '{name}' (groth16 or pq)."),
    };

    /// <summary>The hash function a <c>--hash</c> value names.</summary>
    public static HashFunction Hash(string name) => name switch
    {
        "sha256" => HashFunction.Sha256,
        "sha3-256" => HashFunction.Sha3_256,
        _ => throw new ArgumentException($"unknown hash function '{name}' (sha256 or sha3-256)."),
    };

    /// <summary>The CLI name of <paramref name="hash"/>.</summary>
    public static string Name(HashFunction hash) => hash == HashFunction.Sha256 ? "sha256" : "sha3-256";

    /// <summary>The longest preimage the circuit for <paramref name="hash"/> takes.</summary>
    public static int MaxPreimageLength(HashFunction hash) =>
        hash == HashFunction.Sha256 ? PreimageCircuit.MaxSha256PreimageLength : PreimageCircuit.MaxSha3_256PreimageLength;

    /// <summary>Parses <c>HASH:LENGTH</c> (as <c>--preimage</c> takes it), e.g. <c>sha3-256:32</c>.</summary>
    public static (HashFunction Hash, int Length) PreimageCircuitName(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int length))
        {
            throw new ArgumentException($"--preimage: expected HASH:LENGTH such as sha256:3 or sha3-256:32, not '{value}'.");
        }

        var hash = Hash(value[..colon]);
        if (length > MaxPreimageLength(hash))
        {
            throw new ArgumentException($"--preimage: a {Name(hash)} preimage circuit takes at most {MaxPreimageLength(hash)} bytes, not {length}.");
        }

        return (hash, length);
    }
}
