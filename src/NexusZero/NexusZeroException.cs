namespace NexusZero;

/// <summary>
/// An operational failure of the NexusZero SDK. <see cref="Kind"/> says what failed; the message names
/// the field or limit involved and never contains secret material.
/// </summary>
public sealed class NexusZeroException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="kind">What failed.</param>
    /// <param name="message">What was wrong, naming the field and the limit; never a secret.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public NexusZeroException(NexusZeroErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What failed.</summary>
    public NexusZeroErrorKind Kind { get; }
}
