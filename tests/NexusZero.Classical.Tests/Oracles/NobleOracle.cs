using System.Diagnostics;

namespace NexusZero.Classical.Tests.Oracles;

/// <summary>
/// Runs tests/NexusZero.Classical.Tests/oracle/secp256k1-oracle.js (@noble/curves under Node.js) on a
/// batch of operations. A missing Node.js or npm install fails the test with instructions.
/// </summary>
internal static class NobleOracle
{
    public static IReadOnlyList<string> Run(IReadOnlyList<string> operations, string script = "secp256k1-oracle.js")
    {
        var directory = FindOracleDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@noble", "curves")))
        {
            Assert.Fail($"The @noble/curves oracle is not installed in {directory}: run `bash .ci/deps/classical.sh` (npm ci).");
        }

        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Node.js is required for the @noble/curves oracle (run `bash .ci/deps/classical.sh`): {ex.Message}");
            throw;
        }

        using (process)
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            foreach (var operation in operations)
            {
                process.StandardInput.WriteLine(operation);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                Assert.Fail("The @noble/curves oracle did not finish within 60 s.");
            }

            var stdout = stdoutTask.Result;
            Assert.True(process.ExitCode == 0, $"The @noble/curves oracle failed: {stderrTask.Result}");
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(operations.Count, lines.Length);
            return lines;
        }
    }

    private static string FindOracleDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "NexusZero.Classical.Tests", "oracle");
            if (File.Exists(Path.Combine(candidate, "secp256k1-oracle.js")))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        Assert.Fail("Could not find tests/NexusZero.Classical.Tests/oracle above the test output directory.");
        return string.Empty;
    }
}
