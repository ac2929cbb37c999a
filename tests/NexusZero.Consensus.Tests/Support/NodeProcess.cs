using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>A ValidatorNode process on 127.0.0.1 at a port chosen free at run time.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

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

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static NodeProcess Start(string keyPath, string setPath, int evaluationDelayMs)
    {
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { NodeDll, "--urls", $"http://127.0.0.1:{port}", "--key", keyPath, "--validators", setPath, "--evaluation-delay-ms", evaluationDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--min-metrics", "fidelity=0.5" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(process, port);
    }

    public static (int ExitCode, string Output, string Error) RunToEnd(TimeSpan timeout, params string[] args) =>
        ProcessRunner.Run("dotnet", timeout, args);

    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The validator node on port {Port} exited with code {_process.ExitCode}.");
            }

            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                using var response = await http.GetAsync(new Uri(BaseUri, "consensus/info"), cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The validator node on port {Port} was not ready within {timeout}.");
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
