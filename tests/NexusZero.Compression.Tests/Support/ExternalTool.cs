using System.ComponentModel;
using System.Diagnostics;

namespace NexusZero.Compression.Tests.Support;

/// <summary>Runs an oracle tool with a timeout; a missing tool fails the test with the install hint.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Run(string tool, IEnumerable<string> arguments, int timeoutSeconds = 120)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"The oracle tool '{tool}' is missing ({ex.Message}); run .ci/deps/lz4.sh to install it.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} {string.Join(' ', info.ArgumentList)} timed out after {timeoutSeconds} s.");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
