namespace NexusZero.Compute;

/// <summary>Whether an operation's inputs are public or derived from a secret (a witness, a signing key).</summary>
internal enum DataSecrecy
{
    /// <summary>Public inputs (verifier-side work, setup): any backend may run them.</summary>
    Public,

    /// <summary>Witness- or key-derived inputs: the accelerator runs them only under <see cref="ComputeOptions.AllowSecretScalars"/>.</summary>
    Secret,
}
