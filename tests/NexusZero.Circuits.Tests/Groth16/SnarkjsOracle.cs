using System.Diagnostics;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>
/// Runs tests/NexusZero.Circuits.Tests/oracle/groth16-oracle.js (snarkjs 0.7.6 and circom2 from the lockfile, which the
/// test build installs). A missing oracle fails the test with the reason; it is never skipped.
/// </summary>
internal static class SnarkjsOracle
{
    public static string Run(params string[] args)
    {
        var oracle = Directory();
        if (!System.IO.Directory.Exists(Path.Combine(oracle, "node_modules", "snarkjs")))
        {
            Assert.Fail($"snarkjs is not installed in {oracle}: the test build runs `npm ci` there (tests/Directory.Build.targets).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = oracle, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("groth16-oracle.js");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the snarkjs oracle did not finish in 3 minutes");
        }

        Assert.True(process.ExitCode == 0, $"the snarkjs oracle failed: {error.Result}");
        return output.Trim();
    }

    private static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NexusZero.Circuits.Tests", "oracle");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/NexusZero.Circuits.Tests/oracle not found above " + AppContext.BaseDirectory);
    }
}
