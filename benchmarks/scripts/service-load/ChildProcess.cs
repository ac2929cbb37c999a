using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceLoad;

/// <summary>
/// A process this script started (redis-server, a validator node): its output is drained (and the first line that
/// matches <c>ready</c> awaited), and it is killed when the script stops it or ends, so none outlives the run.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <paramref name="file"/> and waits (at most <paramref name="timeout"/>) until <paramref name="ready"/> is true.</summary>
    public static async Task<ChildProcess> StartAsync(string name, string file, IEnumerable<string> arguments, Func<Task<bool>> ready, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{name}: cannot run '{file}' ({ex.Message}).", ex);
        }

        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[{name}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await ready().ConfigureAwait(false))
        {
            if (process.HasExited || deadline.Elapsed > timeout)
            {
                await child.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"{name}: not ready after {deadline.Elapsed.TotalSeconds:F0} s (exited: {process.HasExited}).");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return child;
    }

    /// <summary>Kills the process (SIGKILL) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>A loopback port that was free a moment ago (the system's choice for port 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
