using System.Diagnostics;
using System.Reflection;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>
/// A ValidatorNode process on 127.0.0.1 bound to port 0: the node picks a free port and prints
/// "listening on URL" on stdout, which is where the test learns it (no port race).
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const string ListeningPrefix = "listening on ";

    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseUri => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("The node has not printed its address yet.");

    public bool HasExited => _process.HasExited;

    public static string NodeDll
    {
        get
        {
            var path = typeof(NodeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ValidatorNodeDll").Value!;
            var full = Path.GetFullPath(path);
            return File.Exists(full) ? full : throw new FileNotFoundException($"The ValidatorNode sample was not built at {full}.");
        }
    }

    public static NodeProcess Start(string keyPath, string setPath, int evaluationDelayMs, params string[] extraArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { NodeDll, "--urls", "http://127.0.0.1:0", "--key", keyPath, "--validators", setPath, "--evaluation-delay-ms", evaluationDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--min-metrics", "fidelity=0.5" }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var node = new NodeProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith(ListeningPrefix, StringComparison.Ordinal) && Uri.TryCreate(line[ListeningPrefix.Length..].TrimEnd('/') + "/", UriKind.Absolute, out var uri))
            {
                node._address.TrySetResult(uri);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public static (int ExitCode, string Output, string Error) RunToEnd(TimeSpan timeout, params string[] args) =>
        ProcessRunner.Run("dotnet", timeout, args);

    /// <summary>Waits for the address line, printed once the node accepts requests.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_address.Task.IsCompletedSuccessfully)
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "consensus/info"));
                response.EnsureSuccessStatusCode();
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The validator node exited with code {_process.ExitCode} before printing its address.");
            }

            await Task.WhenAny(_address.Task, Task.Delay(100));
        }

        throw new TimeoutException($"The validator node did not print its address within {timeout}.");
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
