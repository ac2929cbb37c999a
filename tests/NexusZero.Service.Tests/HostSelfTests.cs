using System.Diagnostics;

namespace NexusZero.Service.Tests;

public sealed class HostSelfTests
{
    [Fact]
    public async Task Host_self_test_calls_every_level_over_tls_with_a_key_and_a_pinned_client_certificate_and_exits_zero()
    {
        // The host's build output sits where this project's does, under samples/ instead of tests/.
        var here = AppContext.BaseDirectory;
        var marker = Path.Combine("tests", "NexusZero.Service.Tests") + Path.DirectorySeparatorChar;
        var index = here.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"Cannot place the host relative to {here}.");
        var host = Path.Combine(here[..index], "samples", "NexusZero.ServiceHost", here[(index + marker.Length)..], "NexusZero.ServiceHost.dll");
        Assert.True(File.Exists(host), $"The host was not built: {host} is missing.");

        var workDir = Directory.CreateTempSubdirectory("nexuszero-host-");
        try
        {
            var (exitCode, output) = await RunSelfTestAsync(host, workDir.FullName);
            Assert.True(exitCode == 0, output);
            Assert.Contains("self-test Consensus", output, StringComparison.Ordinal);
            Assert.Contains("self-test client certificate   ok", output, StringComparison.Ordinal);
            Assert.Contains("self-test unpinned certificate ok (Unauthenticated)", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(workDir.FullName, ".nexuszero-dev", "dev-certificate.pfx")), "The development certificate was not generated.");
            var keyFile = Path.Combine(workDir.FullName, ".nexuszero-keys", "wine.nzpk");
            Assert.True(File.Exists(keyFile), "The proving key was not kept.");

            // A second start reads the kept key instead of running a new setup: the same verifying key.
            var firstKey = File.ReadAllBytes(keyFile);
            var (againExit, againOutput) = await RunSelfTestAsync(host, workDir.FullName);
            Assert.True(againExit == 0, againOutput);
            Assert.Equal(firstKey, File.ReadAllBytes(keyFile));
            Assert.Equal(StatementDigest(output), StatementDigest(againOutput));
        }
        finally
        {
            workDir.Delete(recursive: true);
        }
    }

    /// <summary>Runs the host's --self-test in <paramref name="workDir"/>, killed after two minutes; its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunSelfTestAsync(string host, string workDir)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [host, "--self-test"])
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string StatementDigest(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("self-test statement digest", StringComparison.Ordinal));
        return line["self-test statement digest".Length..].Trim();
    }
}
