namespace NexusZero.Proofs;

/// <summary>Why a proof was rejected.</summary>
public enum VerificationFailure
{
    /// <summary>The proof verified.</summary>
    None = 0,
    /// <summary>The proof bytes are not a well-formed proof for this system and parameters.</summary>
    MalformedProof = 1,
    /// <summary>The proof is well-formed but the verification equation does not hold.</summary>
    EquationFailed = 2,
    /// <summary>The proof is valid for a different statement than the one expected.</summary>
    StatementMismatch = 3,
    /// <summary>The envelope names a proof system or parameter set this verifier does not know.</summary>
    UnknownProofSystem = 4,
    /// <summary>The statement is invalid (e.g. identity where forbidden, out-of-range values).</summary>
    InvalidStatement = 5,
    /// <summary>Verification took longer than the configured maximum and the policy says fail.</summary>
    TimeLimitExceeded = 6,
    /// <summary>
    /// The envelope's parameter set is known but offers fewer bits than the verifier's floor
    /// (<see cref="Pipeline.ProtocolConfig.SecurityLevel"/>), counting the proof's own soundness error.
    /// </summary>
    InsufficientSecurity = 7,
    /// <summary>The envelope uses a different parameter set than the one the caller pinned.</summary>
    ParameterSetMismatch = 8,
    /// <summary>
    /// The envelope names a verifying key the caller did not pin (a circuit proof verifies only against a key
    /// the verifier supplies or registered, never one it carries).
    /// </summary>
    KeyNotPinned = 9,
}
