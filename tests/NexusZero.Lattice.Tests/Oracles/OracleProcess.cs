using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NexusZero.Lattice.Tests.Oracles;

/// <summary>
/// Runs an oracle script (Node or Python) with a JSON array of requests on stdin. A missing interpreter,
/// package or script FAILS the calling test with a message saying how to install it; it never skips.
/// </summary>
internal static class OracleProcess
{
    public static string OracleDirectory { get; } = FindOracleDirectory();

    public static JsonArray RunNoble(JsonArray requests)
    {
        string package = Path.Combine(OracleDirectory, "node_modules", "@noble", "post-quantum", "package.json");
        Assert.True(File.Exists(package), $"@noble/post-quantum is not installed in {OracleDirectory}: run .ci/deps/lattice.sh (npm ci there).");
        return Run("node", "mldsa-oracle.mjs", requests, "node (Node.js) is required for the @noble/post-quantum cross-checks: run .ci/deps/lattice.sh.");
    }

    public static JsonArray RunPythonCryptography(JsonArray requests) =>
        Run("python3", "mldsa_cryptography.py", requests, "python3 with the `cryptography` package (ML-DSA support, >= 48) is required: run .ci/deps/lattice.sh.");

    private static JsonArray Run(string program, string script, JsonArray requests, string missingMessage)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = OracleDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Assert.Fail($"{missingMessage} ({error.Message})");
            throw;
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(requests.ToJsonString());
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(120_000), $"{program} {script} did not finish within 120 s.");
            string stdout = output.Result;
            Assert.True(process.ExitCode == 0, $"{program} {script} failed (exit {process.ExitCode}): {errors.Result}\n{missingMessage}");
            JsonArray answers = JsonNode.Parse(stdout)?.AsArray() ?? throw new JsonException("oracle printed no JSON array");
            Assert.Equal(requests.Count, answers.Count);
            return answers;
        }
    }

    private static string FindOracleDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "NexusZero.Lattice.Tests", "oracle");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/NexusZero.Lattice.Tests/oracle not found above the test binaries.");
    }
}
