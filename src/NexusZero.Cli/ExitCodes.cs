namespace NexusZero.Cli;

/// <summary>Process exit codes shared by every subcommand.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for verification, the proof is valid.</summary>
    public const int Success = 0;

    /// <summary>Verification ran and the proof (or certificate) is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>Malformed input or a usage error.</summary>
    public const int UsageOrMalformed = 2;
}
