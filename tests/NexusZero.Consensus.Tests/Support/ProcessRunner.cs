using System.Diagnostics;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>Runs a process to completion with a hard timeout, capturing its output.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output, string Error) Run(string fileName, TimeSpan timeout, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not exit within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
