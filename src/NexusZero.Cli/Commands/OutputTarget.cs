namespace NexusZero.Cli.Commands;

/// <summary>An output path and whether <c>--force</c> lets it replace an existing file.</summary>
internal readonly record struct OutputTarget(string Path, bool Force);
