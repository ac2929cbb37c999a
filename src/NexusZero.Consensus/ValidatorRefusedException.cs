namespace NexusZero.Consensus;

/// <summary>
/// A validator declined a request: the proposal is for another validator set, its deadline has passed, or a
/// certificate it was asked to countersign does not verify. The message says which.
/// </summary>
public sealed class ValidatorRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ValidatorRefusedException()
        : base("The validator refused the request.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the validator refused.</param>
    public ValidatorRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the validator refused.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ValidatorRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
